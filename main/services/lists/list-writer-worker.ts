/**
 * The import's writer thread: writes one list's rows into the database on its own connection
 * while the import worker reads and checks the next ones (the second core). Started by
 * `ListWriterThread`; see `ListWriter` for the batches and what a failure leaves.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openConnection } from '../storage/database';
import { ListsRepository } from '../storage/lists-repository';
import type { FromWriter, ToWriter, WriterData } from './list-writer-protocol';
import { ListWriter } from './list-writer';

// workerData is what ListWriterThread built; it never comes from outside.
const data = workerData as WriterData;
const db = openConnection(data.database);
const writer = new ListWriter(new ListsRepository(db), data.list);

function post(message: FromWriter): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: ToWriter) => {
  try {
    switch (message.type) {
      case 'rows':
        writer.values(message.values);
        post({ type: 'written' });
        return;
      case 'finish':
        writer.finish(message.outcome);
        post({ type: 'finished' });
        return;
      case 'discard':
        writer.discard();
        post({ type: 'discarded' });
        return;
    }
  } catch (caught) {
    post({
      type: 'failed',
      error: caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught),
    });
  }
});
parentPort?.once('close', () => db.close());
