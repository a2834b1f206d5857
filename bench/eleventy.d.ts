/** The part of Eleventy's programmatic API the benchmark uses (the package ships no types for its entry). */
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { quietMode?: boolean; config?: (config: unknown) => void })
    write(): Promise<unknown>
  }
}
