import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';
import {
  compareImmutableIds,
  decodeImmutableId,
  extractImmutableIdFromAadstsMessage,
  guidToImmutableId,
  immutableIdToGuid,
  type DecodedImmutableId,
  type ImmutableIdComparison,
} from './immutable-id';

// Worked vectors from docs/domain-reference.md §6 (computed with Python uuid/base64; the second one
// matches Microsoft's Guid.ToByteArray example).
const GUID = '748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0e5';
const LE_BASE64 = 'hi2LdEwsjU+LThoc5MnQ5Q==';
const BE_BASE64 = 'dIsthixMT42LThoc5MnQ5Q==';
const TEXT_BASE64 = 'NzQ4YjJkODYtMmM0Yy00ZjhkLThiNGUtMWExY2U0YzlkMGU1';
const LDAP = String.raw`\86\2d\8b\74\4c\2c\8d\4f\8b\4e\1a\1c\e4\c9\d0\e5`;
const GUID2 = '35918bc9-196d-40ea-9779-889d79b753f0';
const LE_BASE64_2 = 'yYuRNW0Z6kCXeYidebdT8A==';
// The big-endian value read the (wrong) little-endian way: what decode reports for BE_BASE64.
const GUID_SWAPPED = '862d8b74-4c2c-8d4f-8b4e-1a1ce4c9d0e5';
const OKTA_USER_ID = '00u1a2b3c4D5e6F7g8h9';

function guidBytes(guid: string): number[] {
  return (guid.replaceAll('-', '').match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16));
}

/** mulberry32: a tiny seeded PRNG so the property tests are reproducible. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic random GUIDs; `v4` sets the version and variant bits as Windows does for objectGUIDs. */
function randomGuids(count: number, seed: number, v4: boolean): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const bytes = Array.from({ length: 16 }, () => Math.floor(next() * 256));
    if (v4) {
      bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    }
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });
}

describe('guidToImmutableId', () => {
  it.each([
    [GUID, LE_BASE64],
    [GUID.toUpperCase(), LE_BASE64],
    [`{${GUID}}`, LE_BASE64],
    [`{${GUID.toUpperCase()}}`, LE_BASE64],
    [GUID.replaceAll('-', ''), LE_BASE64],
    [`  ${GUID}\n`, LE_BASE64],
    [GUID2, LE_BASE64_2],
  ])('converts %j to %j', (guid, immutableId) => {
    expect(guidToImmutableId(guid)).toBe(immutableId);
  });

  it.each([
    '',
    'not-a-guid',
    '748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0e', // one digit short
    '748b2d86-2c4c-4f8d-8b4e-1a1ce4c9d0eg', // non-hex digit
    '748b2d86-2c4c4f8d-8b4e-1a1ce4c9d0e5', // hyphen missing in one place only
    `{${GUID}`, // unbalanced brace
    LE_BASE64, // already an ImmutableID
  ])('throws an error naming the invalid value %j', (bad) => {
    expect(() => guidToImmutableId(bad)).toThrow(`Not a GUID: ${JSON.stringify(bad)}`);
  });

  it('shortens a very long invalid value in the message', () => {
    const long = 'x'.repeat(500);
    expect(() => guidToImmutableId(long)).toThrow(`Not a GUID: "${'x'.repeat(100)}…"`);
  });
});

describe('immutableIdToGuid', () => {
  it.each([
    [LE_BASE64, GUID],
    [LE_BASE64_2, GUID2],
    ['hi2LdEwsjU-LThoc5MnQ5Q', GUID], // base64url without padding
    [` ${LE_BASE64} `, GUID],
    // Ambiguity: big-endian bytes are also 16 bytes and read as little-endian here.
    [BE_BASE64, GUID_SWAPPED],
  ])('reads %j as %j', (value, guid) => {
    expect(immutableIdToGuid(value)).toBe(guid);
  });

  it.each(['', TEXT_BASE64, GUID, OKTA_USER_ID, 'jane.doe@contoso.com', 'Zm9vYmFy', 'hi2LdEwsjU+LThoc5MnQ5R=='])(
    'returns null for %j',
    (value) => {
      expect(immutableIdToGuid(value)).toBeNull();
    },
  );
});

describe('decodeImmutableId', () => {
  const cases: readonly (readonly [string, DecodedImmutableId['encoding'], string | null])[] = [
    [LE_BASE64, 'guid-base64', GUID],
    [LE_BASE64_2, 'guid-base64', GUID2],
    // Always little-endian on its own: big-endian is only detectable against the other side.
    [BE_BASE64, 'guid-base64', GUID_SWAPPED],
    ['hi2LdEwsjU-LThoc5MnQ5Q', 'guid-base64', GUID],
    [TEXT_BASE64, 'guid-text-base64', GUID],
    // `echo <guid> | base64` keeps the newline.
    ['NzQ4YjJkODYtMmM0Yy00ZjhkLThiNGUtMWExY2U0YzlkMGU1Cg==', 'guid-text-base64', GUID],
    ['ezc0OEIyRDg2LTJDNEMtNEY4RC04QjRFLTFBMUNFNEM5RDBFNX0=', 'guid-text-base64', GUID],
    [GUID, 'guid-text', GUID],
    [GUID.toUpperCase(), 'guid-text', GUID],
    [`{${GUID.toUpperCase()}}`, 'guid-text', GUID],
    [GUID.replaceAll('-', ''), 'guid-text', GUID],
    [LDAP, 'guid-hex', GUID],
    [LDAP.toUpperCase(), 'guid-hex', GUID],
    ['86 2d 8b 74 4c 2c 8d 4f 8b 4e 1a 1c e4 c9 d0 e5', 'guid-hex', GUID],
    ['86-2D-8B-74-4C-2C-8D-4F-8B-4E-1A-1C-E4-C9-D0-E5', 'guid-hex', GUID],
    [OKTA_USER_ID, 'okta-id', null],
    ['0oa1b2c3d4E5f6G7h8i9', 'okta-id', null],
    ['jane.doe@contoso.com', 'string', null],
    ['', 'string', null],
    ['   ', 'string', null],
    ['hi2LdEwsjU+LThoc5MnQ5R==', 'string', null], // non-canonical base64
    ['Zm9vYmFy', 'string', null], // base64, but not of a GUID
    ['86 2d 8b 74', 'string', null], // too few bytes
    ['00u1a2b3c4D5e6F7g8h9X', 'string', null], // too long for an Okta id
  ];

  it.each(cases)('recognises %j as %s', (value, encoding, guid) => {
    expect(decodeImmutableId(value)).toEqual({ raw: value, encoding, guid });
  });

  it('keeps the raw value untouched while ignoring surrounding whitespace', () => {
    expect(decodeImmutableId(` ${LE_BASE64}\t`)).toEqual({
      raw: ` ${LE_BASE64}\t`,
      encoding: 'guid-base64',
      guid: GUID,
    });
  });
});

describe('round trips over generated GUIDs', () => {
  const guids = randomGuids(500, 0x51004, false);

  it('guid -> ImmutableID -> guid is the identity', () => {
    for (const guid of guids) {
      const immutableId = guidToImmutableId(guid);
      expect(immutableId).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(immutableIdToGuid(immutableId)).toBe(guid);
      expect(guidToImmutableId(`{${guid.toUpperCase()}}`)).toBe(immutableId);
    }
  });

  it('decode recognises every encoded value as guid-base64 of the same GUID', () => {
    for (const guid of guids) {
      expect(decodeImmutableId(guidToImmutableId(guid))).toEqual({
        raw: guidToImmutableId(guid),
        encoding: 'guid-base64',
        guid,
      });
    }
  });

  it('agrees with a byte-level re-implementation of the little-endian layout', () => {
    for (const guid of guids) {
      const b = guidBytes(guid);
      const le = [b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.slice(8)].map((x) => x ?? 0);
      expect(guidToImmutableId(guid)).toBe(encodeBase64(le));
      expect(Array.from(decodeBase64(guidToImmutableId(guid)) ?? [])).toEqual(le);
    }
  });

  it('sees a big-endian value as the same object as the little-endian one, whichever side holds it', () => {
    let decidedByVersion = 0;
    let decidedByEntra = 0;
    for (const guid of randomGuids(300, 0x90072, true)) {
      const le = guidToImmutableId(guid);
      const be = encodeBase64(guidBytes(guid));
      if (le === be) continue; // only when each of the first three fields is a byte palindrome
      // Big-endian in Okta, Entra Connect's form in Entra: always the right object.
      expect(compareImmutableIds(be, le)).toEqual(same(guid, 'guid-base64-big-endian', 'guid-base64'));

      // Swapped sides: still the same object. Which GUID it is can only be told when reading the
      // bytes the other way gives an impossible version nibble; otherwise Entra's reading wins.
      const otherReading = immutableIdToGuid(be) ?? '';
      const otherIsValidV4 = '12345'.includes(otherReading.charAt(14));
      const swapped = compareImmutableIds(le, be);
      if (otherIsValidV4) {
        decidedByEntra += 1;
        expect(swapped).toEqual(same(otherReading, 'guid-base64-big-endian', 'guid-base64'));
      } else {
        decidedByVersion += 1;
        expect(swapped).toEqual(same(guid, 'guid-base64', 'guid-base64-big-endian'));
      }
    }
    // Both branches must actually have been exercised by the generated GUIDs.
    expect(decidedByVersion).toBeGreaterThan(100);
    expect(decidedByEntra).toBeGreaterThan(30);
  });
});

/** The comparison expected with Okta and Entra swapped. */
function mirror(expected: ImmutableIdComparison): ImmutableIdComparison {
  switch (expected.kind) {
    case 'same-object-different-encoding':
      return { ...expected, okta: expected.entra, entra: expected.okta };
    case 'different-object':
      return { ...expected, okta: expected.entra, entra: expected.okta };
    case 'okta-missing':
      return { kind: 'entra-missing' };
    case 'entra-missing':
      return { kind: 'okta-missing' };
    case 'identical':
    case 'both-missing':
      return expected;
  }
}

function same(
  guid: string,
  okta: DecodedImmutableId['encoding'],
  entra: DecodedImmutableId['encoding'],
): ImmutableIdComparison {
  return { kind: 'same-object-different-encoding', guid, okta, entra };
}

function different(okta: DecodedImmutableId, entra: DecodedImmutableId): ImmutableIdComparison {
  return { kind: 'different-object', okta, entra };
}

describe('compareImmutableIds', () => {
  const cases: readonly (readonly [
    string,
    string | null | undefined,
    string | null | undefined,
    ImmutableIdComparison,
  ])[] = [
    ['the correct value on both sides', LE_BASE64, LE_BASE64, { kind: 'identical' }],
    [
      'an arbitrary equal string (cloud-only UPN)',
      'jane.doe@contoso.com',
      'jane.doe@contoso.com',
      { kind: 'identical' },
    ],
    ['equal Okta ids', OKTA_USER_ID, OKTA_USER_ID, { kind: 'identical' }],
    ['equal GUID text', GUID, GUID, { kind: 'identical' }],
    ['big-endian base64 vs little-endian', BE_BASE64, LE_BASE64, same(GUID, 'guid-base64-big-endian', 'guid-base64')],
    ['GUID text vs base64', GUID, LE_BASE64, same(GUID, 'guid-text', 'guid-base64')],
    ['upper-case braced GUID vs base64', `{${GUID.toUpperCase()}}`, LE_BASE64, same(GUID, 'guid-text', 'guid-base64')],
    ['base64 of GUID text vs base64', TEXT_BASE64, LE_BASE64, same(GUID, 'guid-text-base64', 'guid-base64')],
    ['LDAP escaped hex vs base64', LDAP, LE_BASE64, same(GUID, 'guid-hex', 'guid-base64')],
    [
      'bare hex of the stored bytes vs base64',
      '862d8b744c2c8d4f8b4e1a1ce4c9d0e5',
      LE_BASE64,
      same(GUID, 'guid-hex', 'guid-base64'),
    ],
    [
      'bare hex in text order vs base64',
      '748b2d862c4c4f8d8b4e1a1ce4c9d0e5',
      LE_BASE64,
      same(GUID, 'guid-text', 'guid-base64'),
    ],
    ['big-endian base64 vs GUID text', BE_BASE64, GUID, same(GUID, 'guid-base64-big-endian', 'guid-text')],
    ['base64 of GUID text vs LDAP hex', TEXT_BASE64, LDAP, same(GUID, 'guid-text-base64', 'guid-hex')],
    ['GUID text differing only in case', GUID.toUpperCase(), GUID, same(GUID, 'guid-text', 'guid-text')],
    ['base64url vs base64', 'hi2LdEwsjU-LThoc5MnQ5Q', LE_BASE64, same(GUID, 'guid-base64', 'guid-base64')],
    ['second vector, text vs base64', GUID2.toUpperCase(), LE_BASE64_2, same(GUID2, 'guid-text', 'guid-base64')],
    [
      'two different GUIDs',
      LE_BASE64_2,
      LE_BASE64,
      different(
        { raw: LE_BASE64_2, encoding: 'guid-base64', guid: GUID2 },
        { raw: LE_BASE64, encoding: 'guid-base64', guid: GUID },
      ),
    ],
    [
      'Okta fallback id vs GUID-based Entra value',
      OKTA_USER_ID,
      LE_BASE64,
      different(
        { raw: OKTA_USER_ID, encoding: 'okta-id', guid: null },
        { raw: LE_BASE64, encoding: 'guid-base64', guid: GUID },
      ),
    ],
    [
      'Okta app id vs GUID text',
      '0oa1b2c3d4E5f6G7h8i9',
      GUID,
      different(
        { raw: '0oa1b2c3d4E5f6G7h8i9', encoding: 'okta-id', guid: null },
        { raw: GUID, encoding: 'guid-text', guid: GUID },
      ),
    ],
    [
      'stale Okta id after re-creating the Okta user',
      '00u9z8y7x6W5v4U3t2s1',
      OKTA_USER_ID,
      different(
        { raw: '00u9z8y7x6W5v4U3t2s1', encoding: 'okta-id', guid: null },
        { raw: OKTA_USER_ID, encoding: 'okta-id', guid: null },
      ),
    ],
    [
      'strings differing only in case (sourceAnchor is case-sensitive)',
      'Jane.Doe@contoso.com',
      'jane.doe@contoso.com',
      different(
        { raw: 'Jane.Doe@contoso.com', encoding: 'string', guid: null },
        { raw: 'jane.doe@contoso.com', encoding: 'string', guid: null },
      ),
    ],
    [
      'base64 differing only in case (base64 is case-sensitive)',
      'HI2LDEWSJU+LTHOC5MNQ5Q==',
      LE_BASE64,
      different(
        { raw: 'HI2LDEWSJU+LTHOC5MNQ5Q==', encoding: 'guid-base64', guid: '0c8b8d1c-9245-4f25-8b4c-7382e4c350e5' },
        { raw: LE_BASE64, encoding: 'guid-base64', guid: GUID },
      ),
    ],
    [
      'UPN vs GUID-based value',
      'jane.doe@contoso.com',
      LE_BASE64,
      different(
        { raw: 'jane.doe@contoso.com', encoding: 'string', guid: null },
        { raw: LE_BASE64, encoding: 'guid-base64', guid: GUID },
      ),
    ],
    ['Okta null', null, LE_BASE64, { kind: 'okta-missing' }],
    ['Okta undefined', undefined, LE_BASE64, { kind: 'okta-missing' }],
    ['Okta empty', '', LE_BASE64, { kind: 'okta-missing' }],
    ['Okta whitespace only', ' \t\n', LE_BASE64, { kind: 'okta-missing' }],
    ['Entra null', OKTA_USER_ID, null, { kind: 'entra-missing' }],
    ['Entra whitespace only', LE_BASE64, '   ', { kind: 'entra-missing' }],
    ['both null', null, null, { kind: 'both-missing' }],
    ['both blank', '', '  ', { kind: 'both-missing' }],
    ['both whitespace-only but equal', '  ', '  ', { kind: 'both-missing' }],
    ['undefined and empty', undefined, '', { kind: 'both-missing' }],
  ];

  it.each(cases)('%s', (_name, okta, entra, expected) => {
    expect(compareImmutableIds(okta, entra)).toEqual(expected);
  });

  it.each(cases)('%s (sides swapped)', (_name, okta, entra, expected) => {
    expect(compareImmutableIds(entra, okta)).toEqual(mirror(expected));
  });

  it('treats surrounding whitespace as a textual difference on the same object', () => {
    expect(compareImmutableIds(`${LE_BASE64} `, LE_BASE64)).toEqual(same(GUID, 'guid-base64', 'guid-base64'));
  });
});

describe('extractImmutableIdFromAadstsMessage', () => {
  const oktaIssuer = 'http://www.okta.com/exk1a2b3c4d5e6f7g8h9';
  const cases: readonly (readonly [string, string, string | null])[] = [
    [
      'AADSTS51004 with a bare base64 value',
      `AADSTS51004: The user account ${LE_BASE64} does not exist in the 0b6a1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d directory. To sign into this application, the account must be added to the directory.`,
      LE_BASE64,
    ],
    [
      'AADSTS51004 as shown on the error page',
      [
        'Request Id: 1a6e4427-796d-4ea6-8599-194fc0d63300',
        'Correlation Id: 4c1b8507-3d15-473a-bc85-5a36099298c2',
        'Timestamp: 2024-06-19T22:21:33Z',
        `Message: AADSTS51004: The user account ${LE_BASE64_2} does not exist in the contoso.onmicrosoft.com directory. To sign into this application, the account must be added to the directory.`,
      ].join('\n'),
      LE_BASE64_2,
    ],
    [
      'AADSTS51004 inside a JSON error_description',
      JSON.stringify({
        error: 'invalid_grant',
        error_description: `AADSTS51004: The user account ${BE_BASE64} does not exist in the contoso directory. To sign into this application, the account must be added to the directory.\r\nTrace ID: 9664f448-500b-4e88-825e-668beef30d00`,
      }),
      BE_BASE64,
    ],
    [
      'AADSTS51004 with a quoted value',
      `AADSTS51004: The user account '${OKTA_USER_ID}' does not exist in the contoso directory.`,
      OKTA_USER_ID,
    ],
    [
      'AADSTS51004 with a UPN used as ImmutableID',
      'AADSTS51004: The user account jane.doe@contoso.com does not exist in the contoso directory.',
      'jane.doe@contoso.com',
    ],
    [
      'AADSTS51004 with a braced GUID (a real value, not a placeholder)',
      `AADSTS51004: The user account {${GUID}} does not exist in the contoso directory.`,
      `{${GUID}}`,
    ],
    [
      'sign-in log failureReason without the code',
      `The user account ${LE_BASE64} does not exist in the 0b6a1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d directory. To sign into this application, the account must be added to the directory.`,
      LE_BASE64,
    ],
    [
      'AADSTS90072 with single quotes',
      `AADSTS90072: User account '${LE_BASE64}' from identity provider '${oktaIssuer}' does not exist in tenant 'Contoso' and cannot access the application '00000003-0000-0ff1-ce00-000000000000'(Office 365 SharePoint Online) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`,
      LE_BASE64,
    ],
    [
      'AADSTS90072 with typographic quotes',
      `AADSTS90072: User account ‘${LE_BASE64}’ from identity provider ‘${oktaIssuer}’ does not exist in tenant ‘Contoso’.`,
      LE_BASE64,
    ],
    [
      'AADSTS90072 with double quotes',
      `AADSTS90072: User account "${TEXT_BASE64}" from identity provider "${oktaIssuer}" does not exist in tenant "Contoso".`,
      TEXT_BASE64,
    ],
    [
      'AADSTS90072 unquoted',
      `User account ${LE_BASE64} from identity provider ${oktaIssuer} does not exist in tenant Contoso and cannot access the application.`,
      LE_BASE64,
    ],
    [
      'a value containing an apostrophe',
      "AADSTS51004: The user account 'o'brien@contoso.com' does not exist in the contoso directory.",
      "o'brien@contoso.com",
    ],
    [
      'masked {EmailHidden}',
      'AADSTS51004: The user account {EmailHidden} does not exist in the contoso directory. To sign into this application, the account must be added to the directory.',
      null,
    ],
    [
      'masked {EUII Hidden}',
      'AADSTS51004: The user account {EUII Hidden} does not exist in the contoso directory.',
      null,
    ],
    [
      'masked quoted "{EUII Hidden}" in AADSTS90072',
      `AADSTS90072: User account '{EUII Hidden}' from identity provider '${oktaIssuer}' does not exist in tenant 'Contoso'.`,
      null,
    ],
    [
      'documentation placeholder <id>',
      'AADSTS51004: The user account <id> does not exist in the <id> directory.',
      null,
    ],
    [
      'documentation placeholder {email}',
      'User account {email} from identity provider {idp} does not exist in tenant {tenant}',
      null,
    ],
    ['hand-masked XXX', 'AADSTS51004: The user account XXX does not exist in the XXX directory.', null],
    [
      'no value at all (AADSTS90072)',
      "AADSTS90072: User account from identity provider 'live.com' does not exist in tenant 'Microsoft Services'.",
      null,
    ],
    ['no value at all (AADSTS51004)', 'AADSTS51004: The user account does not exist in the contoso directory.', null],
    ['an empty quoted value', "User account '' from identity provider 'live.com' does not exist", null],
    [
      'an unrelated AADSTS message',
      'AADSTS50126: Error validating credentials due to invalid username or password.',
      null,
    ],
    ['an empty message', '', null],
  ];

  it.each(cases)('%s', (_name, message, expected) => {
    expect(extractImmutableIdFromAadstsMessage(message)).toBe(expected);
  });

  it('extracts a value that compareImmutableIds then matches against Entra', () => {
    const message = `AADSTS51004: The user account ${BE_BASE64} does not exist in the contoso directory.`;
    const sent = extractImmutableIdFromAadstsMessage(message);
    expect(compareImmutableIds(sent, LE_BASE64)).toEqual(same(GUID, 'guid-base64-big-endian', 'guid-base64'));
  });
});
