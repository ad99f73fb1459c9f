// The part of js-quantities (no bundled types) that claim facets use.
declare module "js-quantities" {
  interface Quantity {
    scalar: number;
    to(unit: string): Quantity;
  }
  function Qty(value: number, unit: string): Quantity;
  export default Qty;
}
