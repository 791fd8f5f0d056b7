/**
 * Word lists for the seeded generator. Names are realistic and, on purpose, hostile: long, accented,
 * combining marks, CJK, right-to-left, markup and quotes, so every screen meets them in demos,
 * stories and tests rather than in production first.
 */

export const COMPANY_FIRST = [
  'Acme', 'Northwind', 'Blue Harbor', 'Summit', 'Evergreen', 'Ironwood', 'Bright Path', 'Silverline',
  'Redstone', 'Oakridge', 'Cobalt', 'Pinnacle', 'Lighthouse', 'Granite', 'Maple', 'Horizon',
  'Riverbend', 'Sunbeam', 'Keystone', 'Falcon', 'Atlas', 'Nimbus', 'Copperfield', 'Westgate',
  'Harborview', 'Quartz', 'Bluebird', 'Crescent', 'Juniper', 'Meridian', 'Orchard', 'Polaris',
  'Sequoia', 'Tidewater', 'Vantage', 'Willow', 'Zephyr', 'Aurora', 'Beacon', 'Cedar',
];

export const COMPANY_SECOND = [
  'Logistics', 'Analytics', 'Foods', 'Health', 'Software', 'Energy', 'Capital', 'Retail', 'Labs',
  'Media', 'Manufacturing', 'Consulting', 'Systems', 'Travel', 'Insurance', 'Robotics', 'Dental',
  'Architects', 'Bakery', 'Outfitters', 'Pharma', 'Realty', 'Studios', 'Telecom', 'Freight',
];

export const COMPANY_SUFFIX = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'Group', 'Co.', 'S.A.', 'Pty Ltd', 'AB', 'BV', '', '', ''];

/** Accented Latin, Greek and Cyrillic names; one uses a combining acute accent (e + U+0301). */
export const ACCENTED_NAMES = [
  'Société Générale', 'Müller & Söhne', 'Ñandú', 'Café Olé', 'Zürich Versicherung', 'Ørsted Energi',
  'Łódź Logistyka', 'Crème Brûlée Co.', 'São Paulo Têxtil', 'Škoda Strojírny', 'Ærø Fisk',
  'Bäckerei Groß', 'Île-de-France Énergie', 'Göteborgs Åkeri', 'Cafe\u0301 Noir', 'Çelik Yapı',
  'Ελληνική Λογισμική', 'Привет Технологии', 'Jalapeño Cantina', 'Kraków Piekarnia',
];

export const CJK_NAMES = [
  '株式会社さくら商事', '北京科技有限公司', '주식회사 한빛', '東京データ株式会社', '上海云计算有限公司',
  '合同会社みらい', '台北資訊股份有限公司', '大阪ロジスティクス', '서울 소프트웨어', '深圳智能制造',
];

/** Hebrew and Arabic, including one mixed with Latin and one with a quote (בע"מ). */
export const RTL_NAMES = [
  'חברת אלפא בע"מ', 'טכנולוגיות כחול', 'שירותי ענן ירושלים', 'شركة النور للتجارة', 'مؤسسة الأفق',
  'شركة Acme للبرمجيات', 'مجموعة الخليج', 'דגים טריים תל אביב',
];

/** Names that break pages which build HTML, SQL or templates by string concatenation. */
export const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "Robert'); DROP TABLE customers;--",
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)} Templates',
  'Tom & Jerry "Cartoons" Ltd',
  "O'Reilly & Sons",
  'A & B <Partners>',
  '&lt;escaped&gt; &amp; Co',
  '🚀 Rocket Labs 👩‍🚀',
  'javascript:alert(1)',
];

export const LONG_NAME_WORDS = [
  'International', 'Association', 'of', 'Independent', 'Regional', 'Agricultural', 'Cooperative',
  'Manufacturers', 'and', 'Distributors', 'for', 'Sustainable', 'Renewable', 'Energy', 'Solutions',
  'Northern', 'European', 'Consolidated', 'Holdings', 'Federation',
];

export const PERSON_FIRST = [
  'Maria', 'James', 'Aisha', 'Chen', 'Olga', 'Lucas', 'Priya', 'Mateo', 'Yuki', 'Fatima', 'Noah',
  'Ingrid', 'Kwame', 'Sofía', 'Jörg', 'Amélie', 'Dmitri', 'Hana', 'Omar', 'Zoë',
];

export const PERSON_LAST = [
  'Garcia', 'Smith', 'Khan', 'Wang', 'Ivanova', 'Silva', 'Patel', 'Rossi', 'Tanaka', 'Haddad',
  'Müller', 'Nguyen', 'Okafor', 'Fernández', 'Lindqvist', 'Dubois', "O'Brien", 'Kim', 'Cohen', 'Novak',
];

export const COLLABORATOR_ROLES = ['Admin', 'Developer', 'Operator', 'Analyst', 'Viewer', 'Recipe builder'];

// NFKD leaves these whole, so they are spelled out by hand.
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' };

/** Lowercase ASCII for e-mail local parts and domains: accents dropped, anything else removed. */
export function asciiSlug(text: string, separator = '-'): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæœøłđ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION[c] ?? '')
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}
