// A compact table of common English given names and their nicknames (written for reident; US usage).
// Used both ways: a formal name on one record may appear as a nickname on another, and vice versa.

/** formal name -> nicknames. Each (formal, nickname) is one pair. */
const TABLE: Record<string, string[]> = {
  Abigail: ['Abby', 'Gail'], Albert: ['Al', 'Bert'], Alexander: ['Alex', 'Al', 'Sandy', 'Xander'],
  Alexandra: ['Alex', 'Sandra', 'Lexi'], Alfred: ['Al', 'Alf', 'Fred'], Allison: ['Ally'],
  Amanda: ['Mandy', 'Amy'], Andrew: ['Andy', 'Drew'], Angela: ['Angie'], Anthony: ['Tony'],
  Arthur: ['Art'], Barbara: ['Barb', 'Babs'], Benjamin: ['Ben', 'Benny'], Bernard: ['Bernie'],
  Beverly: ['Bev'], Bradley: ['Brad'], Carol: ['Carrie'], Catherine: ['Cathy', 'Kate', 'Katie'],
  Charles: ['Charlie', 'Chuck', 'Chas'], Christine: ['Chris', 'Tina'], Christopher: ['Chris', 'Kit'],
  Cynthia: ['Cindy'], Daniel: ['Dan', 'Danny'], David: ['Dave', 'Davy'], Deborah: ['Debbie', 'Deb'],
  Donald: ['Don', 'Donny'], Dorothy: ['Dot', 'Dottie', 'Dolly'], Douglas: ['Doug'],
  Edward: ['Ed', 'Eddie', 'Ted', 'Ned'], Eleanor: ['Ellie', 'Nora'], Elizabeth: ['Liz', 'Beth', 'Betty', 'Eliza', 'Lizzie'],
  Eugene: ['Gene'], Frances: ['Fran', 'Frannie'], Francis: ['Frank'], Frederick: ['Fred', 'Freddie'],
  Gerald: ['Jerry'], Gregory: ['Greg'], Harold: ['Hal', 'Harry'], Henry: ['Hank', 'Harry'],
  Herbert: ['Herb'], Jacob: ['Jake'], James: ['Jim', 'Jimmy', 'Jamie'], Janet: ['Jan'],
  Jeffrey: ['Jeff'], Jennifer: ['Jen', 'Jenny'], Jessica: ['Jess', 'Jessie'], John: ['Jack', 'Johnny'],
  Jonathan: ['Jon'], Joseph: ['Joe', 'Joey'], Joshua: ['Josh'], Judith: ['Judy'], Katherine: ['Kathy', 'Kate', 'Kitty'],
  Kathleen: ['Kathy', 'Kay'], Kenneth: ['Ken', 'Kenny'], Lawrence: ['Larry'], Leonard: ['Len', 'Lenny'],
  Louis: ['Lou'], Margaret: ['Peggy', 'Maggie', 'Meg', 'Marge', 'Greta'], Matthew: ['Matt'],
  Michael: ['Mike', 'Mikey'], Nancy: ['Nan'], Nathaniel: ['Nate', 'Nat'], Nicholas: ['Nick'],
  Pamela: ['Pam'], Patricia: ['Pat', 'Patty', 'Trish'], Patrick: ['Pat', 'Paddy'], Peter: ['Pete'],
  Philip: ['Phil'], Raymond: ['Ray'], Rebecca: ['Becky', 'Becca'], Richard: ['Rick', 'Dick', 'Rich'],
  Robert: ['Bob', 'Rob', 'Bobby', 'Bert'], Ronald: ['Ron', 'Ronnie'], Samuel: ['Sam', 'Sammy'],
  Samantha: ['Sam'], Sandra: ['Sandy'], Stephen: ['Steve'], Steven: ['Steve'], Susan: ['Sue', 'Susie'],
  Teresa: ['Terry', 'Tess'], Theodore: ['Ted', 'Teddy', 'Theo'], Thomas: ['Tom', 'Tommy'],
  Timothy: ['Tim'], Victoria: ['Vicky', 'Tori'], Virginia: ['Ginny', 'Ginger'], Walter: ['Walt', 'Wally'],
  William: ['Bill', 'Will', 'Billy', 'Liam', 'Willie'], Zachary: ['Zach'], Mildred: ['Millie'],
  Gertrude: ['Gertie', 'Trudy'], Virgil: ['Virg'], Clarence: ['Clare'], Leroy: ['Roy'],
  Florence: ['Flo', 'Flossie'], Josephine: ['Jo', 'Josie'], Helen: ['Nell'], Martha: ['Marty', 'Patsy'],
};

const canon = (name: string): string => name.trim().toLowerCase();

const TO_NICKS = new Map<string, string[]>();
const TO_FORMAL = new Map<string, string[]>();
for (const [formal, nicks] of Object.entries(TABLE)) {
  TO_NICKS.set(canon(formal), nicks);
  for (const n of nicks) {
    const list = TO_FORMAL.get(canon(n)) ?? [];
    list.push(formal);
    TO_FORMAL.set(canon(n), list);
  }
}

/** Every (formal, nickname) pair in the table. */
export function nicknamePairs(): [string, string][] {
  return Object.entries(TABLE).flatMap(([f, ns]) => ns.map((n): [string, string] => [f, n]));
}

/** The nicknames of a formal name ([] if none), case-insensitive. */
export function nicknamesOf(name: string): readonly string[] {
  return TO_NICKS.get(canon(name)) ?? [];
}

/** The formal names a nickname stands for ([] if none), case-insensitive. */
export function formalNamesOf(nickname: string): readonly string[] {
  return TO_FORMAL.get(canon(nickname)) ?? [];
}

/** Every name the given name may appear as on another record: its nicknames and its formal names. */
export function nameVariants(name: string): string[] {
  return [...new Set([...nicknamesOf(name), ...formalNamesOf(name)])].filter((v) => canon(v) !== canon(name));
}

/** Writes `variant` in the case style of `like` (SMITH, Smith or smith). */
export function inCaseOf(variant: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return variant.toUpperCase();
  if (like === like.toLowerCase()) return variant.toLowerCase();
  return variant;
}

/** A variant chosen by u in [0, 1), in the case of the input; null when the name has no variant. */
export function nicknameSwap(name: string, u: number): string | null {
  const variants = nameVariants(name);
  if (variants.length === 0) return null;
  return inCaseOf(variants[Math.floor(u * variants.length)]!, name.trim());
}
