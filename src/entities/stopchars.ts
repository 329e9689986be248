// Characters that do not start or end a name: function words, measure words and verbs of saying.
// A name's left edge stops at them (会见了蓬佩奥 → 蓬佩奥), and a candidate that is another candidate
// with one of them glued on (向普京, 贺普丁) is segmentation debris, never an entity.
export const STOP_CHARS = new Set([
  ...'的了在和与及对向由被把将是为从给跟同说称让令据自于以而但并或又也都就才还再已曾该这那此其之每各某们等位名个贺致请要会能可已并且即则若如当人我你她至',
]);

/** Titles and roles that precede a personal name (folded Simplified). */
export const TITLES = [
  '主席',
  '总统',
  '总理',
  '首相',
  '外长',
  '部长',
  '副部长',
  '特使',
  '发言人',
  '大使',
  '主任',
  '书记',
  '总书记',
  '委员',
  '院长',
  '市长',
  '省长',
  '议员',
  '律师',
  '教授',
  '记者',
  '作家',
  '艺术家',
  '导演',
  '总裁',
  '董事长',
  '主教',
  '法官',
  '局长',
  '司令',
  '将军',
  '人士',
  '学者',
  '专家',
  '总干事',
  '秘书长',
  '国务卿',
  '财长',
  '防长',
  '主持人',
  '歌手',
  '演员',
  '运动员',
  '选手',
  '队长',
  '领导人',
  '候选人',
  '创始人',
  '负责人',
  '执行长',
  '首席执行官',
  '研究员',
  '博士',
  '医生',
  '编辑',
  '主编',
  '画家',
  '诗人',
  '导演',
  '牧师',
  '副总统',
  '副总理',
  '国务委员',
  '总督',
  '拉比',
  '特首',
  '行政长官',
];

/**
 * Single-character Chinese surnames (Simplified): the common ones, then (since 2026-11-27) less
 * common ones the news names people by (华春莹, 骆惠宁, 成蕾; 菅 for 菅义伟), each a CC-CEDICT
 * "surname" entry. Not every such entry: CC-CEDICT gives 741, 三, 中, 和 and 国 among them; nor those
 * that begin transliterations (梅, 鲁, 桑, 包, 鲍, 商, 尚: 梅前州, 鲍威尔) or common words after a title
 * that no dictionary lists (席, 谈: 议员席次, 总统谈过).
 */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤习温栗岑柯艾翁柴赖阎洪邢樊葛倪殷聂庞詹',
  ...'华骆成乔季俞章伍申毕焦柳岳齐庄辛管祝涂谷祁舒耿牟关苗凌费纪靳盛童欧甄项游裴卫屈霍甘景单司宁阮易冉储冷古吉喻娄宫巫常康强戚房施晏池滕燕牛狄穆窦符翟胥臧芮荀蒙蒲蓝虞裘褚解连邬郁郎邝钮闻阚饶麦菅',
]);
