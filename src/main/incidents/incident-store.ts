import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Diagnosis } from '../../core/diagnosis/model';
import { MAX_BUNDLE_FILE_BYTES, parseEvidenceBundle } from '../../core/evidence/bundle';
import { parseJsonText } from '../../core/evidence/json-limits';
import type { EvidenceBundle } from '../../core/evidence/bundle';
import { isIncidentId } from '../../shared/ipc/incident-id';
import { MAX_LISTED_INCIDENTS } from '../../shared/ipc/incidents';
import type { IncidentSummary, IncidentWork } from '../../shared/ipc/incidents';
import type { Result } from '../../shared/result';
import { describeRefusal, fsErrorCode, readCappedFile } from '../fs/read-capped-file';
import type { CappedReadRefusal } from '../fs/read-capped-file';
import { writeFileAtomic } from '../profiles/write-file-atomic';
import { INCIDENT_FORMAT, incidentFileSchema } from './incident-file';
import type { IncidentFile } from './incident-file';
import { KeyedQueue } from './keyed-queue';

/** The incidents folder that sits beside a profiles file (both in the app's user-data folder). */
export function incidentsDirBeside(profilesFile: string): string {
  return join(dirname(profilesFile), 'incidents');
}

/** Why an incident operation failed; handlers map each reason to an IPC error code. */
export type IncidentErrorReason = 'invalid-id' | 'not-found' | 'unreadable' | 'unwritable';

/** An incident could not be found, read or written; the message says which and why, never a secret. */
export class IncidentError extends Error {
  override readonly name = 'IncidentError';

  constructor(
    readonly reason: IncidentErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** What a diagnosis run hands the store to keep. */
export interface NewIncident {
  readonly profileId: string;
  readonly bundle: EvidenceBundle;
  readonly diagnosis: Diagnosis;
}

/** A stored incident with its evidence, as read back. */
export interface LoadedIncident {
  readonly incident: IncidentFile;
  readonly bundle: EvidenceBundle;
}

/** The newest incidents, and how many incident files were skipped because they could not be read. */
export interface IncidentList {
  readonly incidents: readonly IncidentSummary[];
  readonly unreadable: number;
}

/** Options of {@link IncidentStore}; tests fix the clock and the random part of ids. */
export interface IncidentStoreOptions {
  readonly now?: () => Date;
  /** 8 lowercase hex digits. */
  readonly randomHex?: () => string;
}

/** The work of a fresh incident: on the verdict, nothing ticked, no notes, a draft. */
const NEW_WORK: IncidentWork = Object.freeze({ step: 'verdict', done: [], notes: '', status: 'draft' });

/**
 * The largest incident file read. It holds the diagnosis (its timeline has one entry per attempt:
 * 50,000 attempts are ~15 MB) and the technician's work; anything bigger was not written by the app,
 * and is reported damaged rather than read whole into memory.
 */
export const MAX_INCIDENT_FILE_BYTES = 64 * 1024 * 1024;

/** How many incident files the list reads at once: enough to be quick, few enough to never run out of handles. */
const LIST_CONCURRENCY = 16;

/** An incident id for a moment: `inc-20261121T231500Z-` and 8 random hex digits. */
export function incidentIdAt(at: Date, randomHex: string): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `inc-${stamp}-${randomHex}`;
}

/** A file-system error's code (ENOSPC, EACCES…) in parentheses: it says what to fix, and is never a secret. */
function codeOf(error: unknown): string {
  const code = fsErrorCode(error);
  return code === undefined ? '' : ` (${code})`;
}

const isMissing = (error: unknown): boolean => fsErrorCode(error) === 'ENOENT';

/** The summary line of an incident. */
function summaryOf(file: IncidentFile): IncidentSummary {
  const primary = file.diagnosis.primary;
  return {
    id: file.id,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
    status: file.status,
    profileId: file.profileId,
    upn: file.subject.upn,
    ...(file.subject.symptom !== undefined ? { symptom: file.subject.symptom } : {}),
    // The file schema admits only the engine's verdict codes; its inferred type is merely a string.
    code: (primary?.code ?? null) as IncidentSummary['code'],
    summary: primary?.summary ?? null,
  };
}

/** Newest `updatedAt` first; ids (which start with the creation time) break ties, newest first. */
function newestFirst(a: IncidentSummary, b: IncidentSummary): number {
  const byUpdate = Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  return byUpdate !== 0 ? byUpdate : b.id.localeCompare(a.id);
}

/**
 * Every diagnosis, kept as an incident in the `incidents/` folder beside `profiles.json`.
 *
 * Per incident two files: `<id>.bundle.json`, the evidence, written once and first; and
 * `<id>.json`, the small incident file (the diagnosis and the technician's work), written after
 * the evidence and rewritten on every save. Both are written atomically (temp file, fsync,
 * rename; mode 0600), so a crash leaves each file whole, old or new, and an incident file never
 * points at evidence that is not there yet. File names are built only from ids that match the
 * incident id pattern, so no input can name a path outside the folder.
 *
 * Writes of one incident run one at a time in call order; reads need no lock, because a rename
 * replaces a file whole.
 */
export class IncidentStore {
  readonly #queue = new KeyedQueue();
  readonly #now: () => Date;
  readonly #randomHex: () => string;

  constructor(
    private readonly dir: string,
    options: IncidentStoreOptions = {},
  ) {
    this.#now = options.now ?? (() => new Date());
    this.#randomHex = options.randomHex ?? (() => randomBytes(4).toString('hex'));
  }

  #incidentFile(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  #bundleFile(id: string): string {
    return join(this.dir, `${id}.bundle.json`);
  }

  /** Refuses anything but a well-formed id before it comes near a file name. */
  #assertId(id: string): void {
    if (!isIncidentId(id)) throw new IncidentError('invalid-id', 'That is not an incident id.');
  }

  async #write(file: string, content: string): Promise<void> {
    try {
      await writeFileAtomic(file, content);
    } catch (error: unknown) {
      throw new IncidentError('unwritable', `The incident could not be saved in ${this.dir}${codeOf(error)}.`);
    }
  }

  async #writeIncident(incident: IncidentFile): Promise<void> {
    await this.#write(this.#incidentFile(incident.id), `${JSON.stringify(incident, null, 2)}\n`);
  }

  /** Reads and validates an incident file; a missing one is `not-found`, a damaged one `unreadable`. */
  async #readIncident(id: string): Promise<IncidentFile> {
    let read: Result<string, CappedReadRefusal>;
    try {
      read = await readCappedFile(this.#incidentFile(id), MAX_INCIDENT_FILE_BYTES);
    } catch (error: unknown) {
      if (isMissing(error)) throw new IncidentError('not-found', `Incident ${id} does not exist (any more).`);
      throw new IncidentError('unreadable', `Incident ${id} could not be read${codeOf(error)}.`);
    }
    if (!read.ok) {
      const why = describeRefusal(read.error, MAX_INCIDENT_FILE_BYTES);
      throw new IncidentError('unreadable', `Incident ${id} ${why} and cannot be opened.`);
    }
    const incident = parseIncident(read.value, id);
    if (incident === null) throw new IncidentError('unreadable', `Incident ${id} is damaged and cannot be opened.`);
    return incident;
  }

  /**
   * Keeps a diagnosis as a new draft incident and answers with its id. The evidence is written
   * before the incident file, so an incident that can be listed always has its evidence.
   */
  create(input: NewIncident): Promise<{ readonly id: string; readonly createdAt: string }> {
    const at = this.#now();
    const id = incidentIdAt(at, this.#randomHex());
    return this.#queue.run(id, async () => {
      const createdAt = at.toISOString();
      // Checked before anything is written: the file must read back, or it is not worth keeping.
      const incident = incidentFileSchema.parse({
        format: INCIDENT_FORMAT,
        id,
        createdAt,
        updatedAt: createdAt,
        status: NEW_WORK.status,
        profileId: input.profileId,
        subject: input.bundle.subject,
        diagnosis: input.diagnosis,
        work: NEW_WORK,
      });
      await this.#write(this.#bundleFile(id), JSON.stringify(input.bundle));
      try {
        await this.#writeIncident(incident);
      } catch (error: unknown) {
        // Evidence without an incident would never be listed or deleted: do not leave it behind.
        await rm(this.#bundleFile(id), { force: true }).catch(() => undefined);
        throw error;
      }
      return { id, createdAt };
    });
  }

  /**
   * The newest incidents (by last update), at most {@link MAX_LISTED_INCIDENTS}. A file that
   * cannot be read or is not a valid incident is skipped and counted, never fatal; temp files
   * and evidence files are not incident files and are not looked at.
   */
  async list(): Promise<IncidentList> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error: unknown) {
      if (isMissing(error)) return { incidents: [], unreadable: 0 };
      throw new IncidentError('unreadable', `The incidents folder ${this.dir} could not be read${codeOf(error)}.`);
    }
    const ids = names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
    const candidates = ids.filter(isIncidentId);
    const summaries: IncidentSummary[] = [];
    let unreadable = 0;
    for (let i = 0; i < candidates.length; i += LIST_CONCURRENCY) {
      const batch = candidates.slice(i, i + LIST_CONCURRENCY);
      const read = await Promise.all(batch.map((id) => this.#summary(id)));
      for (const outcome of read) {
        if (outcome === 'unreadable') unreadable += 1;
        else if (outcome !== 'gone') summaries.push(outcome);
      }
    }
    return { incidents: summaries.sort(newestFirst).slice(0, MAX_LISTED_INCIDENTS), unreadable };
  }

  /** One incident's summary; 'gone' when it was deleted between listing the folder and reading it. */
  async #summary(id: string): Promise<IncidentSummary | 'unreadable' | 'gone'> {
    try {
      return summaryOf(await this.#readIncident(id));
    } catch (error: unknown) {
      return error instanceof IncidentError && error.reason === 'not-found' ? 'gone' : 'unreadable';
    }
  }

  /** An incident and its evidence, validated. */
  async load(id: string): Promise<LoadedIncident> {
    this.#assertId(id);
    const incident = await this.#readIncident(id);
    const text = await this.#readBundleText(id);
    return { incident, bundle: this.#parseBundle(id, text) };
  }

  /** The stored evidence of an incident as text, exactly as it was written. */
  async #readBundleText(id: string): Promise<string> {
    let read: Result<string, CappedReadRefusal>;
    try {
      read = await readCappedFile(this.#bundleFile(id), MAX_BUNDLE_FILE_BYTES);
    } catch (error: unknown) {
      throw new IncidentError('unreadable', `The evidence of incident ${id} could not be read${codeOf(error)}.`);
    }
    if (!read.ok) {
      const why = describeRefusal(read.error, MAX_BUNDLE_FILE_BYTES);
      throw new IncidentError('unreadable', `The evidence of incident ${id} ${why} and cannot be opened.`);
    }
    return read.value;
  }

  #parseBundle(id: string, text: string): EvidenceBundle {
    const bundle = parseBundle(text);
    if (bundle === null) throw new IncidentError('unreadable', `The evidence of incident ${id} is damaged.`);
    return bundle;
  }

  /**
   * Copies an incident as a new draft (the same profile, evidence, diagnosis and work) and answers
   * with the copy's id. The source is read in its own queue, so a save called before the copy is
   * in it. The evidence is copied byte for byte and written before the incident file, as
   * {@link create} does, so the copy's records print exactly as the original's.
   */
  async duplicate(id: string): Promise<{ readonly id: string; readonly createdAt: string }> {
    this.#assertId(id);
    const { incident, bundleText } = await this.#queue.run(id, async () => {
      const source = await this.#readIncident(id);
      const text = await this.#readBundleText(id);
      // Checked, not only copied: damaged evidence would make a copy that cannot be opened.
      this.#parseBundle(id, text);
      return { incident: source, bundleText: text };
    });
    const at = this.#now();
    const copyId = incidentIdAt(at, this.#randomHex());
    return this.#queue.run(copyId, async () => {
      const createdAt = at.toISOString();
      const copy = incidentFileSchema.parse({
        ...incident,
        id: copyId,
        createdAt,
        updatedAt: createdAt,
        status: NEW_WORK.status,
        work: { ...incident.work, status: NEW_WORK.status },
      });
      await this.#write(this.#bundleFile(copyId), bundleText);
      try {
        await this.#writeIncident(copy);
      } catch (error: unknown) {
        await rm(this.#bundleFile(copyId), { force: true }).catch(() => undefined);
        throw error;
      }
      return { id: copyId, createdAt };
    });
  }

  /**
   * Diagnoses an incident's stored evidence again with `engine` (the engine of this version of the
   * app, which may know more than the one that made the incident) and saves the new diagnosis in
   * the same incident. Ticked fix steps are kept where the new primary finding still has a step
   * at that index; the others are dropped, since they would tick nothing or something else.
   * Answers with the incident as saved and its evidence.
   */
  async rediagnose(id: string, engine: (bundle: EvidenceBundle) => Diagnosis): Promise<LoadedIncident> {
    this.#assertId(id);
    return this.#queue.run(id, async () => {
      const current = await this.#readIncident(id);
      const bundle = this.#parseBundle(id, await this.#readBundleText(id));
      const diagnosis = engine(bundle);
      const steps = diagnosis.primary?.remediation.length ?? 0;
      const work = { ...current.work, done: current.work.done.filter((index) => index < steps) };
      const updatedAt = this.#now().toISOString();
      const incident = incidentFileSchema.parse({ ...current, updatedAt, diagnosis, work });
      await this.#writeIncident(incident);
      return { incident, bundle };
    });
  }

  /**
   * Saves the technician's work on an incident (its status follows the work's) and answers with
   * the new `updatedAt`. Rewrites the small incident file only; the evidence is never touched.
   */
  async update(id: string, work: IncidentWork): Promise<{ readonly updatedAt: string }> {
    // async so that a bad id rejects rather than throws; the queue is still joined synchronously, in call order.
    this.#assertId(id);
    return this.#queue.run(id, async () => {
      const current = await this.#readIncident(id);
      const updatedAt = this.#now().toISOString();
      const next = incidentFileSchema.parse({ ...current, updatedAt, status: work.status, work });
      await this.#writeIncident(next);
      return { updatedAt };
    });
  }

  /**
   * Deletes an incident: the incident file first (so it leaves the list even if the rest fails),
   * then its evidence and any temp file a crash left behind. Answers whether it existed.
   */
  async delete(id: string): Promise<boolean> {
    this.#assertId(id);
    return this.#queue.run(id, async () => {
      let existed = true;
      try {
        await rm(this.#incidentFile(id));
      } catch (error: unknown) {
        if (!isMissing(error))
          throw new IncidentError('unwritable', `Incident ${id} could not be deleted${codeOf(error)}.`);
        existed = false;
      }
      const strays = await readdir(this.dir).catch(() => [] as string[]);
      const leftovers = [`${id}.bundle.json`, ...strays.filter((n) => n.startsWith(`${id}.`) && n.endsWith('.tmp'))];
      try {
        for (const name of leftovers) await rm(join(this.dir, name), { force: true });
      } catch (error: unknown) {
        throw new IncidentError('unwritable', `The evidence of incident ${id} could not be deleted${codeOf(error)}.`);
      }
      return existed;
    });
  }
}

/**
 * Parses a stored evidence bundle, or null when it is not JSON or not a valid bundle.
 *
 * The validator's copy lists the fields it checks first, and the raw records a reopened incident
 * shows are vendor objects printed as JSON; to print them exactly as the run did, the stored
 * objects are used as they are, once the validator has passed them. Only the subject and gaps
 * take the validator's form (a trimmed UPN, gaps defaulted), as the engine would have had them.
 */
function parseBundle(text: string): EvidenceBundle | null {
  // Nesting is bounded before parsing: a record nested deeper would overflow the stack later,
  // when its raw JSON is printed (see json-limits.ts).
  const parsed = parseJsonText(text);
  if (!parsed.ok) return null;
  const json = parsed.value;
  const checked = parseEvidenceBundle(json);
  if (!checked.ok) return null;
  return { ...(json as EvidenceBundle), subject: checked.value.subject, gaps: checked.value.gaps };
}

/**
 * Parses an incident file's text, or null when it is not JSON, not a valid incident, or holds
 * another incident than its name says (a file copied or renamed by hand).
 */
export function parseIncident(text: string, expectedId: string): IncidentFile | null {
  const json = parseJsonText(text);
  if (!json.ok) return null;
  const parsed = incidentFileSchema.safeParse(json.value);
  return parsed.success && parsed.data.id === expectedId ? parsed.data : null;
}
