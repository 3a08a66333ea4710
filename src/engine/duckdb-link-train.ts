// `reident link --train --engine duckdb`: the training runs in memory on only the columns the model and
// the training rules read, by the memory engine's own trainParameters with the same options, so its m,
// u and lambda are the memory engine's; the pairs are then scored in SQL with them. Memory grows with the
// records and with the pairs each training rule makes (0.4 GiB over the untrained run at 1M x 500k).
import { settingsColumns, SettingsError, type LinkSettings } from '../../attacks/link/settings.ts';
import { trainParameters, type TrainResult } from '../../attacks/link/train.ts';
import { InputError, readColumns } from '../io/read-columns.ts';
import type { Table } from '../table/table.ts';
import type { CliIO } from '../cli/io.ts';
import { openLinkProgress } from '../cli/link-progress.ts';
import { namingTrainFlag, trainFlagColumns, type parseTrainFlags } from '../cli/link-train-flags.ts';

export interface SqlTraining {
  left: string;
  right?: string | undefined;
  settingsFile: string;
  settings: LinkSettings;
  flags: ReturnType<typeof parseTrainFlags>;
  seed: number | string;
  quiet: boolean;
}

function readSide(file: string, side: string, columns: readonly string[]): Promise<Table> {
  return readColumns(file, { columns }).catch((e: Error) => {
    throw e instanceof InputError ? new InputError(`${e.message} (read to train; ${side} table)`) : e;
  });
}

/** Trains on the files' model columns in memory, as `--engine memory --train` would. */
export async function trainForSql(t: SqlTraining, io: CliIO): Promise<TrainResult> {
  const columns = [...new Set([...settingsColumns(t.settings), ...trainFlagColumns(t.flags)])];
  const left = await readSide(t.left, 'left', columns);
  const right = t.right ? await readSide(t.right, 'right', columns) : null;
  const progress = openLinkProgress(io.stderr, t.quiet);
  try {
    return namingTrainFlag(() => {
      try {
        return trainParameters(left, right, t.settings, { ...t.flags, seed: t.seed, onProgress: progress.onProgress });
      } catch (e) {
        if (e instanceof SettingsError) throw new InputError(`${t.settingsFile}: ${e.message}`);
        throw e;
      }
    });
  } finally {
    progress.stop();
  }
}
