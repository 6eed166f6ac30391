import type { ReactNode } from "react";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

/**
 * A plain, accessible table: caption for screen readers, scoped headers, one row per item.
 * On a phone each row becomes a card of "header: value" lines (the same DOM, restyled), because a
 * five-column table squeezed into 390 px leaves one word per line. The explicit ARIA roles keep it
 * a table for screen readers once CSS has made its parts blocks.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: { header: string; cell: (row: T) => ReactNode; className?: string }[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  return (
    <ScrollRegion
      label={caption}
      className="rounded-lg border border-line bg-white max-sm:rounded-none max-sm:border-0 max-sm:bg-transparent"
    >
      <table role="table" className="w-full text-left text-sm max-sm:block">
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className="border-b border-line bg-stone-50 text-muted max-sm:sr-only">
          <tr role="row">
            {columns.map((c) => (
              <th key={c.header} role="columnheader" scope="col" className="px-4 py-3 font-medium">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:block max-sm:space-y-3">
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              role="row"
              className="border-b border-line last:border-0 max-sm:block max-sm:rounded-lg max-sm:border max-sm:bg-white max-sm:p-3 max-sm:last:border"
            >
              {columns.map((c) => (
                <td
                  key={c.header}
                  role="cell"
                  data-label={c.header}
                  className={`px-4 py-3 max-sm:flex max-sm:gap-3 max-sm:px-0 max-sm:py-1 max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:text-muted max-sm:before:content-[attr(data-label)] ${c.className ?? ""}`}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
