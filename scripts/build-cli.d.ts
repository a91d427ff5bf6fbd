export declare const ENTRY_POINTS: readonly string[];
export interface BundleManifest {
  readonly builtAtMs: number;
  readonly entryPoints: readonly string[];
  readonly inputs: readonly string[];
}
export declare function buildBundles(outdir?: string): Promise<BundleManifest>;
