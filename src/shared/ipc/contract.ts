import { z } from 'zod';
import type { BridgeMethod, IpcChannel } from './channels';

export type { IpcChannel } from './channels';
import { BRIDGE_METHODS } from './channels';
import { appStatusSchema } from './app-status';
import type { Result } from '../result';

/** The input and output schemas of one channel. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

/**
 * The IPC contract: every channel with its zod input and output schemas.
 *
 * Main registers handlers from this object only, so a channel cannot exist without a schema;
 * `satisfies` makes the compiler reject a channel of `BRIDGE_METHODS` that has no entry here.
 * Inputs are `.strict()` so unexpected keys are refused rather than silently dropped.
 */
export const IPC_CONTRACT = {
  'app:get-status': {
    input: z.object({}).strict(),
    output: appStatusSchema,
  },
} as const satisfies Record<IpcChannel, ChannelSpec>;

/** The contract's type. */
export type IpcContract = typeof IPC_CONTRACT;

/** The validated input type of a channel. */
export type ChannelInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>;

/** The output type of a channel. */
export type ChannelOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>;

/**
 * The object the preload exposes as `window.triage`: one async method per channel.
 */
export type TriageBridge = {
  readonly [M in BridgeMethod]: (
    input: ChannelInput<(typeof BRIDGE_METHODS)[M]>,
  ) => Promise<Result<ChannelOutput<(typeof BRIDGE_METHODS)[M]>>>;
};
