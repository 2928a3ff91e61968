import type { ReactNode } from 'react';

/** A section's page: its heading and content. */
export function Page(props: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <header className="page-header">
        {/* Focusable by script only: where focus goes when the element that had it is gone. */}
        <h1 tabIndex={-1}>{props.title}</h1>
      </header>
      {props.children}
    </div>
  );
}
