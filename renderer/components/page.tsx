import type { ReactNode } from 'react';

/** A section's page: its heading and content. */
export function Page(props: { title: string; children: ReactNode }) {
  return (
    <div className="page">
      <header className="page-header">
        <h1>{props.title}</h1>
      </header>
      {props.children}
    </div>
  );
}
