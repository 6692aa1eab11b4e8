// The slice of Eleventy's programmatic API the build uses (Eleventy 3 ships no types for it).
declare module '@11ty/eleventy' {
  export class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        quietMode?: boolean;
        configPath?: string;
        pathPrefix?: string;
        config?: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => void;
      },
    );
    write(): Promise<unknown>;
  }
}
