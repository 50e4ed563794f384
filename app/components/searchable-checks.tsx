// Long lists of checkboxes (40 specialties, 51 credentials) in labelled groups. Without
// JavaScript they are plain grouped checkboxes; with it a search box narrows them as you
// type. Ticked choices never hide, and every checkbox stays in the form either way.
import { type ReactNode, useEffect, useState } from "react";

export type CheckGroup<T> = { label: string; options: T[] };

export function SearchableChecks<T extends { key: string; text: string }>({
  legend,
  help,
  searchLabel,
  groups,
  initiallyChecked,
  render,
  footer,
}: {
  legend: string;
  help?: ReactNode;
  searchLabel: string;
  groups: CheckGroup<T>[];
  /** Keys ticked when the form loads (the option's key is the checkbox value). */
  initiallyChecked: Set<string>;
  render: (option: T) => ReactNode;
  footer?: ReactNode;
}) {
  const [hydrated, setHydrated] = useState(false);
  const [query, setQuery] = useState("");
  const [checked, setChecked] = useState(initiallyChecked);
  useEffect(() => setHydrated(true), []);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (option: T) =>
    checked.has(option.key) || words.every((w) => option.text.toLowerCase().includes(w));
  return (
    <fieldset
      className="picker"
      onChange={(event) => {
        const input = event.target as HTMLInputElement;
        if (input.type !== "checkbox") return;
        setChecked((previous) => {
          const next = new Set(previous);
          const anyTicked = input
            .closest("li")
            ?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked").length;
          if (anyTicked) next.add(input.value);
          else next.delete(input.value);
          return next;
        });
      }}
    >
      <legend>{legend}</legend>
      {help}
      {hydrated ? (
        <div className="field picker-search">
          <input
            type="search"
            aria-label={searchLabel}
            placeholder={searchLabel}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      ) : null}
      {groups.map((group) => {
        const visible = group.options.filter(shown);
        return (
          <fieldset key={group.label} className="picker-group" hidden={visible.length === 0}>
            <legend>{group.label}</legend>
            <ul className="checks">
              {group.options.map((option) => (
                <li key={option.key} hidden={!shown(option)}>
                  {render(option)}
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      {hydrated && words.length && groups.every((g) => !g.options.some(shown)) ? (
        <p className="muted">Nothing matches “{query}”.</p>
      ) : null}
      {footer}
    </fieldset>
  );
}
