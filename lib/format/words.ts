// A field or parameter name as a reader would say it: "sourceStance" → "Source stance", "created_at" → "Created at".
export function fieldWords(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
