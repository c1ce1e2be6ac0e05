import { type Static, Type } from '@sinclair/typebox';
import { IdSchema, LatLonSchema, NationCodeSchema, Nullable, recordIdentity, vocabulary } from './schema-kit.js';
import { POST_KINDS } from './vocabularies.js';

// A nation's units and fixed sites, as their owner's node stores and releases them. On the
// node that reads them, the version and times stay with the store: `Unit` and `Post` are the
// records as the rules and the screens use them.

/** A node in a nation's tree of agencies and units (`SN › Zone militaire N°4 › GARSI`). */
export const UnitRecordSchema = Type.Object({
  ...recordIdentity,
  nation: NationCodeSchema,
  name: Type.String({ maxLength: 200 }),
  callSign: Type.String({ maxLength: 100 }),
  parentId: Nullable(IdSchema),
});
export type Unit = Omit<Static<typeof UnitRecordSchema>, 'version' | 'createdAt' | 'updatedAt'>;

/** A fixed site: border post, base, checkpoint. */
export const PostRecordSchema = Type.Object({
  ...recordIdentity,
  nation: NationCodeSchema,
  name: Type.String({ maxLength: 200 }),
  kind: vocabulary(POST_KINDS),
  location: LatLonSchema,
  section: Nullable(Type.String({ maxLength: 100 })),
});
export type Post = Omit<Static<typeof PostRecordSchema>, 'version' | 'createdAt' | 'updatedAt'>;
