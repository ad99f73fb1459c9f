// Fields of the filter forms: a plain <select>, and a picker that searches as one types when its list is long.
import type { Picker } from "@/lib/pickers/queries";
import type { PickerKind } from "@/lib/pickers/schema";
import { SearchSelect } from "./search-select";

export function FilterSelect({
  name,
  label,
  value,
  options,
  any = "Any",
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: [string, string][];
  any?: string;
}) {
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? "" : String(value)}>
        <option value="">{any}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PickerField({
  name,
  label,
  kind,
  picker,
  value,
  fixed = [],
}: {
  name: string;
  label: string;
  kind: PickerKind;
  picker: Picker;
  value: string | number | undefined;
  fixed?: [string, string][];
}) {
  if (picker.mode === "list")
    return (
      <FilterSelect
        name={name}
        label={label}
        value={value}
        options={[...fixed, ...picker.options.map((option): [string, string] => [option.value, option.label])]}
      />
    );
  const fixedOptions = fixed.map(([optionValue, optionLabel]) => ({ value: optionValue, label: optionLabel }));
  const selected = fixedOptions.find((option) => option.value === String(value)) ?? picker.selected;
  return <SearchSelect name={name} label={label} kind={kind} selected={selected} fixedOptions={fixedOptions} placeholder="Any — type to search" />;
}
