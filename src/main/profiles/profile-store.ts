import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SecretStore } from '../../core/ports/secret-store';
import { DEMO_PROFILE_ID, profileSchema, SECRET_KINDS, secretKindsFor } from '../../shared/ipc/profiles';
import type { Profile, ProfileSummary, SecretKind } from '../../shared/ipc/profiles';
import { writeFileAtomic } from './write-file-atomic';

/** The format tag of the profiles file. */
const FORMAT = 'signin-triage.profiles/v1';

const fileSchema = z
  .object({
    format: z.literal(FORMAT),
    profiles: z.array(profileSchema),
    /** When each secret last worked (pre-flight), by profile and kind. Not secret. */
    verified: z.record(z.string(), z.partialRecord(z.enum(SECRET_KINDS), z.iso.datetime())).default({}),
  })
  .strict();

type ProfilesFile = z.infer<typeof fileSchema>;

/** A problem with the profiles file or a request; the message says what and how to fix it. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
}

/** The built-in demo tenant: always listed, never stored, never deleted. Its credentials are made per run. */
export const DEMO_PROFILE: Profile = {
  id: DEMO_PROFILE_ID,
  name: 'Demo tenant (Contoso)',
  okta: { orgUrl: 'https://demo.signin-triage.invalid', authMode: 'api-token' },
  entra: { tenant: 'contoso.com', clientId: '00000000-0000-0000-0000-000000000000', authMode: 'client-secret' },
};

/** The keychain account of a profile's secret: one entry per profile and kind. */
export function secretAccount(profileId: string, kind: SecretKind): string {
  return `profile:${profileId}:${kind}`;
}

/**
 * Tenant profiles: settings in a JSON file in the app's user-data folder, secrets in the OS
 * keychain. Nothing here returns a secret to a caller that could pass it to the renderer:
 * `readSecret` is for the main process's own connections.
 */
export class ProfileStore {
  /** Serialises writes, so two saves never interleave their read-modify-write. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly secrets: SecretStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async #read(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error: unknown) {
      if ((error as { code?: string }).code === 'ENOENT') return { format: FORMAT, profiles: [], verified: {} };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ProfileError(
        `The profiles file ${this.file} is damaged (not JSON). It was left as it is; fix or remove it.`,
      );
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ProfileError(
        `The profiles file ${this.file} is damaged at ${issue?.path.join('.') ?? '(file)'}: ${issue?.message ?? ''}. It was left as it is.`,
      );
    }
    return parsed.data;
  }

  #write(data: ProfilesFile): Promise<void> {
    return writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  #exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #summary(profile: Profile, verified: ProfilesFile['verified'], builtIn: boolean): Promise<ProfileSummary> {
    const secrets = await Promise.all(
      secretKindsFor(profile).map(async (kind) => ({
        kind,
        configured: builtIn || (await this.secrets.read(secretAccount(profile.id, kind))) !== null,
        verifiedAt: verified[profile.id]?.[kind] ?? null,
      })),
    );
    return { profile, builtIn, secrets };
  }

  /** Every profile, the demo tenant first, with the status (never the value) of its secrets. */
  async list(): Promise<readonly ProfileSummary[]> {
    const data = await this.#read();
    const stored = await Promise.all(data.profiles.map((p) => this.#summary(p, data.verified, false)));
    return [await this.#summary(DEMO_PROFILE, {}, true), ...stored];
  }

  /** One profile, or null. */
  async get(id: string): Promise<Profile | null> {
    if (id === DEMO_PROFILE_ID) return DEMO_PROFILE;
    return (await this.#read()).profiles.find((p) => p.id === id) ?? null;
  }

  /** Creates or updates a profile's settings (validated; the demo profile cannot be changed). */
  save(input: Profile): Promise<ProfileSummary> {
    return this.#exclusive(async () => {
      const profile = profileSchema.parse(input);
      if (profile.id === DEMO_PROFILE_ID)
        throw new ProfileError(
          'The demo tenant is built in and cannot be changed; create a profile with another name.',
        );
      const data = await this.#read();
      const others = data.profiles.filter((p) => p.id !== profile.id);
      // Changing how a side authenticates makes its old secret meaningless: forget it.
      const previous = data.profiles.find((p) => p.id === profile.id);
      if (previous !== undefined) {
        const stale = secretKindsFor(previous).filter((k) => !secretKindsFor(profile).includes(k));
        await Promise.all(stale.map((k) => this.secrets.delete(secretAccount(profile.id, k))));
      }
      const next = { ...data, profiles: [...others, profile].sort((a, b) => a.name.localeCompare(b.name)) };
      await this.#write(next);
      return this.#summary(profile, next.verified, false);
    });
  }

  /** Deletes a profile and every keychain entry it had. */
  delete(id: string): Promise<boolean> {
    return this.#exclusive(async () => {
      if (id === DEMO_PROFILE_ID) throw new ProfileError('The demo tenant is built in and cannot be deleted.');
      const data = await this.#read();
      const found = data.profiles.some((p) => p.id === id);
      // Every kind, not only the current ones: a kind from an earlier auth mode may linger.
      await Promise.all(SECRET_KINDS.map((k) => this.secrets.delete(secretAccount(id, k))));
      if (!found) return false;
      const verified = Object.fromEntries(Object.entries(data.verified).filter(([profileId]) => profileId !== id));
      await this.#write({ ...data, profiles: data.profiles.filter((p) => p.id !== id), verified });
      return true;
    });
  }

  /** Stores a secret for a profile (write-only: nothing returns it to the renderer). */
  setSecret(profileId: string, kind: SecretKind, value: string): Promise<void> {
    return this.#exclusive(async () => {
      const profile = await this.get(profileId);
      if (profile === null || profileId === DEMO_PROFILE_ID)
        throw new ProfileError(`No profile "${profileId}" to store a secret for; save the profile first.`);
      if (!secretKindsFor(profile).includes(kind))
        throw new ProfileError(
          `The profile "${profile.name}" does not use a ${kind}; change its authentication mode first.`,
        );
      await this.secrets.set(secretAccount(profileId, kind), value);
      const data = await this.#read();
      // A new secret has not been verified yet.
      const entry = Object.fromEntries(Object.entries(data.verified[profileId] ?? {}).filter(([k]) => k !== kind));
      const verified = { ...data.verified, [profileId]: entry };
      await this.#write({ ...data, verified });
    });
  }

  /** Reads a secret for the main process's own connection to the tenant. */
  readSecret(profileId: string, kind: SecretKind): Promise<string | null> {
    return this.secrets.read(secretAccount(profileId, kind));
  }

  /** Records that a profile's secrets worked just now (after a passing pre-flight). */
  markVerified(profileId: string, kinds: readonly SecretKind[]): Promise<void> {
    if (profileId === DEMO_PROFILE_ID) return Promise.resolve();
    return this.#exclusive(async () => {
      const data = await this.#read();
      const at = this.now().toISOString();
      const entry = { ...data.verified[profileId], ...Object.fromEntries(kinds.map((k) => [k, at])) };
      await this.#write({ ...data, verified: { ...data.verified, [profileId]: entry } });
    });
  }
}
