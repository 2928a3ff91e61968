import type { ReactNode } from 'react';

/** A section with nothing in it yet: what will be here, and what to do first. */
export function EmptyState(props: {
  title: string;
  body: string;
  next: string;
  action?: ReactNode;
}) {
  return (
    <section className="empty-state" aria-label={props.title}>
      <h2>{props.title}</h2>
      <p>{props.body}</p>
      <p className="empty-next">{props.next}</p>
      {props.action}
    </section>
  );
}
