// "How names are shown": Simplified by the fold table, Traditional from the entity's own forms, Latin
// names untouched; applied to briefs (entities) and cards.
import { describe, expect, it } from 'vitest';
import { displayName, withNameForm } from '../../src/background/name-form.ts';
import type { Entity } from '../../src/entities/types.ts';
import { mergeImported } from '../../src/import/merge.ts';
import { articlesOf, baseCorpus, MA_TEXT } from '../import/helpers.ts';

const e = (name: string, ...aliases: string[]): Entity => ({
  id: `e:${name}`,
  name,
  kind: 'person',
  aliases: aliases.map((text) => ({ text, source: 'opencc' as const })),
  articleCount: 1,
});

describe('name form', () => {
  it('shows names as written, in Simplified, or in Traditional when a form is known', () => {
    expect(displayName(e('馬英九'), 'source')).toBe('馬英九');
    expect(displayName(e('馬英九'), 'zh-Hans')).toBe('马英九');
    expect(displayName(e('马英九', '馬英九'), 'zh-Hant')).toBe('馬英九');
    expect(displayName(e('马英九'), 'zh-Hant')).toBe('马英九');
    expect(displayName(e('拉夫羅夫', '拉夫罗夫', 'Lavrov'), 'zh-Hans')).toBe('拉夫罗夫');
    expect(displayName(e('Sergei Lavrov'), 'zh-Hans')).toBe('Sergei Lavrov');
  });

  it('renames briefs and cards, keeping the rest', () => {
    const base = baseCorpus();
    expect(withNameForm(base, 'source')).toBe(base);
    const hans = withNameForm(base, 'zh-Hans');
    expect(withNameForm(base, 'zh-Hans')).toBe(hans);
    expect(hans.entities.get('e:王毅')?.name).toBe('王毅');
    expect(hans.lookup('e:王毅')?.passages).toHaveLength(1);
    expect(hans.detect(['王毅']).length).toBe(1);
    const merged = withNameForm(mergeImported(base, articlesOf(MA_TEXT)), 'zh-Hans');
    expect(merged.lookup('e:馬英九')?.entity.name).toBe('马英九');
    expect(merged.entities.get('e:馬英九')?.name).toBe('马英九');
    // Renamed as asked for, and the same when iterated.
    expect([...merged.entities.values()].find((x) => x.id === 'e:馬英九')?.name).toBe('马英九');
    expect(new Map(merged.entities).get('e:王毅')?.name).toBe('王毅');
    expect(merged.entities.size).toBe(mergeImported(base, articlesOf(MA_TEXT)).entities.size);
    expect(merged.entities.has('e:none')).toBe(false);
    expect(merged.entities.get('e:none')).toBeUndefined();
    const seen: string[] = [];
    merged.entities.forEach((x, id) => {
      seen.push(`${id}:${x.name}`);
    });
    expect(seen).toContain('e:馬英九:马英九');
    // A Simplified-written name shown in Traditional from the forms imported articles write.
    const both = mergeImported(base, articlesOf(MA_TEXT.replace('將再度', '。马英九將再度')));
    expect(withNameForm(both, 'zh-Hant').lookup('e:馬英九')?.entity.name).toBe('馬英九');
  });
});
