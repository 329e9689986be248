// Read-only maps of the first stage's entities whose objects are made when asked for: the binary
// table of data/detector.bin (entity-table.ts), the names in the name-form option's form
// (name-form.ts), the bundle's entities joined with those of imported articles (src/import). A woken
// worker answers with a few entities per page; making all 5,002 at every cold start cost tens of ms.
import type { EntityInfo } from './corpus.ts';

/** A ReadonlyMap from get, keys and size; the rest follows from them. */
export abstract class EntityMapView implements ReadonlyMap<string, EntityInfo> {
  abstract readonly size: number;
  abstract get(id: string): EntityInfo | undefined;
  abstract keys(): MapIterator<string>;

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, EntityInfo]> {
    for (const id of this.keys()) yield [id, this.get(id) as EntityInfo];
  }

  *values(): MapIterator<EntityInfo> {
    for (const id of this.keys()) yield this.get(id) as EntityInfo;
  }

  [Symbol.iterator](): MapIterator<[string, EntityInfo]> {
    return this.entries();
  }

  forEach(
    fn: (value: EntityInfo, key: string, map: ReadonlyMap<string, EntityInfo>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, e] of this.entries()) fn.call(thisArg, e, id, this);
  }
}

/** `base` with `extra` entities added (an id in both is `base`'s). */
export class JoinedEntities extends EntityMapView {
  readonly size: number;

  constructor(
    readonly base: ReadonlyMap<string, EntityInfo>,
    readonly extra: ReadonlyMap<string, EntityInfo>,
  ) {
    super();
    let added = 0;
    for (const id of extra.keys()) if (!base.has(id)) added++;
    this.size = base.size + added;
  }

  get(id: string): EntityInfo | undefined {
    return this.base.get(id) ?? this.extra.get(id);
  }

  override has(id: string): boolean {
    return this.base.has(id) || this.extra.has(id);
  }

  *keys(): MapIterator<string> {
    yield* this.base.keys();
    for (const id of this.extra.keys()) if (!this.base.has(id)) yield id;
  }
}
