// The "how names are shown" option applied where names leave the background (match briefs for the
// popup, hover cards): as the source writes them, or in Traditional / Simplified Chinese. Simplified
// comes from the matcher's own Traditional→Simplified fold table; Traditional from the entity's forms
// in the other script (the build's opencc aliases, or forms an imported article writes), since the
// background ships no Simplified→Traditional converter. Latin names are never changed.

import type { Alias } from '../entities/types.ts';
import type { NameForm } from '../settings.ts';
import { FOLD } from '../text/fold.ts';
import type { EntityInfo, LoadedCorpus } from './corpus.ts';
import { EntityMapView } from './entity-map.ts';

const isHanUnit = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const HAN_NAME = /^[\u3400-\u9fff\uf900-\ufaff·・‧]+$/;

/** A Han name folded to Simplified (other characters kept). */
function simplified(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(isHanUnit(c) ? (FOLD[c] ?? c) : c);
  }
  return out;
}

/** How many characters of `text` are Traditional-only (they fold to another character). */
function traditionalCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHanUnit(c) && FOLD[c] !== c) n++;
  }
  return n;
}

/** The entity's name in the chosen form. */
export function displayName(entity: { name: string; aliases: readonly Alias[] }, form: NameForm): string {
  const name = entity.name;
  if (form === 'source' || !HAN_NAME.test(name)) return name;
  const key = simplified(name);
  if (form === 'zh-Hans') return key;
  let best = name;
  let bestCount = traditionalCount(name);
  for (const alias of entity.aliases) {
    if (alias.text.length !== name.length || simplified(alias.text) !== key) continue;
    const count = traditionalCount(alias.text);
    if (count > bestCount) {
      best = alias.text;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The entities with names in a form, renamed one by one as they are asked for: handlers ask for a
 * few per page, while renaming all of them at every cold start cost 50–110 ms (5,002 entities,
 * cold, Node) before the first answer.
 */
class RenamedEntities extends EntityMapView {
  readonly #done = new Map<string, EntityInfo>();

  constructor(
    readonly base: ReadonlyMap<string, EntityInfo>,
    readonly form: NameForm,
  ) {
    super();
  }

  get size(): number {
    return this.base.size;
  }

  override has(id: string): boolean {
    return this.base.has(id);
  }

  get(id: string): EntityInfo | undefined {
    const hit = this.#done.get(id);
    if (hit) return hit;
    const e = this.base.get(id);
    if (!e) return undefined;
    const name = displayName(e, this.form);
    const renamed = name === e.name ? e : { ...e, name };
    this.#done.set(id, renamed);
    return renamed;
  }

  keys(): MapIterator<string> {
    return this.base.keys();
  }
}

const cache = new WeakMap<LoadedCorpus, { form: NameForm; corpus: LoadedCorpus }>();

/** The corpus with entity names (briefs and cards) in the chosen form; the same object for 'source'. */
export function withNameForm(corpus: LoadedCorpus, form: NameForm): LoadedCorpus {
  if (form === 'source') return corpus;
  const hit = cache.get(corpus);
  if (hit?.form === form) return hit.corpus;
  const named: LoadedCorpus = Object.assign(Object.create(Object.getPrototypeOf(corpus)), corpus, {
    entities: new RenamedEntities(corpus.entities, form),
    lookup(id: string) {
      const card = corpus.lookup(id);
      // The card's entity may know more forms than the brief (those imported articles write).
      return card ? { ...card, entity: { ...card.entity, name: displayName(card.entity, form) } } : card;
    },
  });
  cache.set(corpus, { form, corpus: named });
  return named;
}
