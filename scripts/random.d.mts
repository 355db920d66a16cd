/** mulberry32: a seeded pseudo-random generator returning numbers in [0, 1). */
export declare function mulberry32(seed: number): () => number;
