export declare function freshBundle(root: string, name: string): string | null;
