// Cross-strait and other transliteration variants of one name. Three methods: a small curated table
// (forms OpenCC cannot map: 普丁/普京, 川普/特朗普, 梅克爾/默克尔), forms sharing an English name in
// CC-CEDICT or in the corpus' parentheticals (the general method), and phonetic similarity of the
// pinyin of transliterated names (泽伦斯基/泽连斯基: one syllable differs, sharing its initial or final).
import { syllables } from '../text/romanize.ts';
import { TRANSLIT } from '../text/translit.ts';

/** Taiwan/Hong Kong form, mainland form (Simplified characters; folding maps Traditional to these). */
const RAW_TABLE: Array<[string, string]> = [
  ['普丁', '普京'],
  ['川普', '特朗普'],
  ['梅克尔', '默克尔'],
  ['布希', '布什'],
  ['雪梨', '悉尼'],
  ['贺锦丽', '哈里斯'],
  ['泽伦斯基', '泽连斯基'],
  ['柯林顿', '克林顿'],
  ['欧巴马', '奥巴马'],
  ['希拉蕊', '希拉里'],
  ['裴洛西', '佩洛西'],
  ['马克宏', '马克龙'],
  ['萧兹', '肖尔茨'],
  ['梅尔茨', '默茨'],
  ['杜鲁道', '特鲁多'],
  ['艾尔多安', '埃尔多安'],
  ['纳坦雅胡', '内塔尼亚胡'],
  ['卢卡申柯', '卢卡申科'],
  ['纳瓦尼', '纳瓦尔尼'],
  ['蒲亭', '普京'],
  ['谭德赛', '谭德塞'],
  ['纽西兰', '新西兰'],
  ['寮国', '老挝'],
  ['北韩', '朝鲜'],
  ['南韩', '韩国'],
  ['义大利', '意大利'],
  ['坦尚尼亚', '坦桑尼亚'],
  ['肯亚', '肯尼亚'],
  ['奈及利亚', '尼日利亚'],
  ['沙乌地阿拉伯', '沙特阿拉伯'],
  ['塞尔维亚', '塞尔维亚'],
  ['葛摩', '科摩罗'],
  ['贝里斯', '伯利兹'],
  ['千里达', '特立尼达'],
  ['赖比瑞亚', '利比里亚'],
  ['索罗门群岛', '所罗门群岛'],
  ['吐瓦鲁', '图瓦卢'],
  ['史瓦帝尼', '斯威士兰'],
  ['海珊', '萨达姆'],
  ['宾拉登', '本拉登'],
  ['赖清德', '赖清德'],
  ['苏纳克', '苏纳克'],
  ['蓬佩奥', '蓬佩奥'],
  ['马斯克', '马斯克'],
  ['布林肯', '布林肯'],
  ['梅德维杰夫', '梅德韦杰夫'],
  ['拉夫罗夫', '拉夫罗夫'],
  ['塔利班', '塔利班'],
  ['金正恩', '金正恩'],
];

export const VARIANT_TABLE: ReadonlyArray<readonly [string, string]> = RAW_TABLE.filter(([a, b]) => a !== b);

/** Made of transliteration characters, with at most `slack` others (for names of 4+ characters). */
export function isTransliteration(simplified: string, slack = 0): boolean {
  const chars = [...simplified.replace(/·/g, '')];
  if (chars.length < 2) return false;
  const others = chars.filter((ch) => !TRANSLIT.has(ch)).length;
  return others === 0 || (chars.length >= 3 && others <= slack);
}

const INITIALS = [
  'zh',
  'ch',
  'sh',
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'r',
  'z',
  'c',
  's',
  'y',
  'w',
];

function splitSyllable(s: string): [string, string] {
  for (const i of INITIALS) if (s.startsWith(i)) return [i, s.slice(i.length)];
  return ['', s];
}

/**
 * Two transliterations of the same length whose pinyin differs in exactly one syllable (not the
 * last: 哈里斯/哈里森 are two names), the differing pair sharing its initial or its final: 梅克尔/默克尔,
 * 泽伦斯基/泽连斯基.
 */
export function phoneticallySimilar(a: string, b: string, pa = syllables(a), pb = syllables(b)): boolean {
  if (a === b || a.length !== b.length || a.length < 3) return false;
  if (!isTransliteration(a) || !isTransliteration(b)) return false;
  if (pa.length !== pb.length) return false;
  let diff = -1;
  for (let i = 0; i < pa.length; i++) {
    if (pa[i] === pb[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  if (diff < 0) return true; // same sounds, other characters
  if (diff === pa.length - 1) return false; // 哈里斯/哈里森: another name, not another spelling
  const [ia, fa] = splitSyllable(pa[diff] as string);
  const [ib, fb] = splitSyllable(pb[diff] as string);
  return ia === ib || fa === fb;
}
