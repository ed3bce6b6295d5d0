import { z } from 'zod';

/** The longest console link main opens (8 KiB): far above any link the app builds, far below abuse. */
export const MAX_LINK_LENGTH = 8 * 1024;

/** What the renderer sends to open a console link in the system browser. */
export const openLinkRequestSchema = z.object({ url: z.string().min(1).max(MAX_LINK_LENGTH) }).strict();

/** Whether the system browser took the link (false: the OS had nothing to open it with). */
export const openLinkResultSchema = z.object({ opened: z.boolean() }).strict();
