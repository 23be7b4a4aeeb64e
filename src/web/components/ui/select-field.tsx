// A labelled drop-down for filters and sorts: the label wraps the select, so it is announced and clickable.
export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({ label, value, options, onChange }: {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <select
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 min-h-11 rounded border border-slate-300 bg-white px-2 py-1.5 sm:min-h-0"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
