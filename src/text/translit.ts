// Transliteration characters: the characters typical of Chinese transliterations of foreign names
// (普京, 拉夫罗夫, 默克尔), in folded (Simplified) form. A name made only of them is a transliteration
// (src/entities/variants.ts); the matcher reads one of them beside a piece of a name as the rest of a
// longer name (MatcherPattern.piece in src/match/matcher.ts).

export const TRANSLIT_CHARS =
  '蓬纽柏拜泰阿埃艾爱安昂奥澳巴拜班邦保贝本比彼毕宾波伯博布查达戴丹道德登迪蒂丁东杜敦多厄恩尔法范菲费芬丰弗福夫盖甘冈戈格古哈海汉豪赫黑亨洪胡华霍基吉加贾杰捷金京久卡凯坎康考柯科克肯库夸奎拉莱兰朗劳勒雷蕾里丽利莉连林琳卢鲁路伦罗洛马玛迈麦曼梅美门蒙米敏明摩莫默穆纳娜奈南内尼妮努诺欧帕潘庞佩彭皮普奇齐恰乔切钦琼萨塞桑瑟森沙善舍圣施史舒斯松苏索塔泰坦汤唐特滕提廷图托瓦万威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因英尤于约泽扎詹佐祖姆赖列茨兹莎逊顿翰娅涅廉汀歇';

/** The transliteration characters as a set. */
export const TRANSLIT: ReadonlySet<string> = new Set(TRANSLIT_CHARS);
