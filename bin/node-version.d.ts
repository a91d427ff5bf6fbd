export declare const REQUIRED_NODE: string;
export declare function canRunTypeScript(version: string): boolean;
export declare function oldNodeMessage(name: string, version: string): string;
