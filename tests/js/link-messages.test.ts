// A refused link or saved set-up is said in the reader's language: every StateError carries a code
// of i18n/en/link.ts and its parameters; English and Korean have a text for every code; each code
// is reached here by a real poisoned link or saved set-up, and its Korean text (what the page
// shows through messageText) has Hangul, the received value and none of the English sentence.
import { afterAll, describe, expect, it } from 'vitest';
import { chooseLanguage, messageText } from '../../web/src/i18n';
import { link as en } from '../../web/src/i18n/en/link';
import { link as ko } from '../../web/src/i18n/ko/link';
import { MAX_LINK_CHARS } from '../../web/src/state/limits';
import {
  StateError,
  defaultState,
  stateFromHash,
  stateToHash,
  validateState,
} from '../../web/src/state/playground-state';

const HANGUL = /[\uac00-\ud7a3]/;
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const payload = () =>
  JSON.parse(Buffer.from(stateToHash(defaultState()).slice(3), 'base64url').toString('utf8'));
const linkTo = (p: unknown) => `#s=${b64url(JSON.stringify(p))}`;
const edited = (edit: (p: Record<string, any>) => void) => {
  const p = payload();
  edit(p);
  return linkTo(p);
};

/** [what, a call that must throw, the code, the values its texts must show]. */
const cases: [string, () => unknown, string, string[]][] = [
  [
    'epochs 1e9',
    () => stateFromHash(edited((p) => (p.training.epochs = 1e9))),
    'outOfRange',
    ['1000000000', '10,000'],
  ],
  [
    'a learning rate "NaN"',
    () => stateFromHash(edited((p) => (p.training.learning_rate = 'NaN'))),
    'outOfRange',
    ['"NaN"', '10'],
  ],
  ['a list for the seed', () => stateFromHash(edited((p) => (p.training.seed = [1]))), 'outOfRange', []],
  [
    'an unknown optimizer',
    () => stateFromHash(edited((p) => (p.training.optimizer = 'adagrad'))),
    'notOneOf',
    ['"adagrad"', 'rmsprop, adam, sgd'],
  ],
  [
    'restore_best 1',
    () => stateFromHash(edited((p) => (p.training.restore_best = 1))),
    'notBoolean',
    ['restore_best'],
  ],
  ['no data settings', () => stateFromHash(edited((p) => delete p.data)), 'noSettings', []],
  ['a list instead of a set-up', () => stateFromHash(linkTo([1])), 'noSetup', []],
  ['format version 7', () => stateFromHash(edited((p) => (p.v = 7))), 'formatVersion', ['7', '1']],
  [
    'an unknown preset',
    () => stateFromHash(edited((p) => (p.preset = 'transformer'))),
    'unknownPreset',
    ['"transformer"'],
  ],
  ['no model', () => stateFromHash(edited((p) => (p.model = ''))), 'noModel', []],
  [
    'a 300,000-character saved model',
    () => validateState({ ...payload(), model: 'x'.repeat(300_000) }, 'saved set-up'),
    'modelTooLong',
    ['300,000', '200,000'],
  ],
  [
    'a link over the limit',
    () => stateFromHash(`#s=${'A'.repeat(MAX_LINK_CHARS)}`),
    'linkTooLong',
    [MAX_LINK_CHARS.toLocaleString('en-US')],
  ],
  ['a character no link has', () => stateFromHash('#s=ab.cd'), 'damagedCharacters', []],
  ['a cut-short link', () => stateFromHash('#s=A'), 'damagedBase64', []],
  [
    'bytes that are not UTF-8',
    () => stateFromHash(`#s=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`),
    'damagedUtf8',
    [],
  ],
  ['text that is not JSON', () => stateFromHash(`#s=${b64url('{"v":')}`), 'damagedJson', []],
];

function thrown(f: () => unknown): StateError {
  try {
    f();
  } catch (e) {
    if (e instanceof StateError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('refused links', () => {
  afterAll(() => chooseLanguage('en'));

  it('have an English and a Korean text for every code, and every code is reached by a real link', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    expect([...new Set(cases.map(([, , code]) => code))].sort()).toEqual(Object.keys(en).sort());
  });

  it.each(cases)('%s: a coded StateError, said in either language', (_what, call, code, values) => {
    const e = thrown(call);
    expect(e.code).toBe(code);
    chooseLanguage('en');
    const english = messageText(e);
    expect(english).toBe(e.message);
    chooseLanguage('ko');
    const korean = messageText(e);
    expect(korean).toMatch(HANGUL);
    for (const v of values) {
      expect(english, v).toContain(v);
      expect(korean, v).toContain(v);
    }
    // No English words of the sentence itself: what stays Latin is the value and identifiers.
    expect(korean).not.toMatch(/\b(must|the link|link has|damaged|characters|a list|an object|settings)\b/i);
  });

  it('name the source and the field in Korean', () => {
    chooseLanguage('ko');
    const saved = { ...payload(), training: { ...payload().training, batch_size: 0 } };
    expect(messageText(thrown(() => validateState(saved, 'saved set-up')))).toBe(
      '배치 크기는 1부터 100,000까지의 정수여야 합니다. 저장된 설정에는 0이(가) 들어 있습니다.',
    );
    // The particle follows the word's last sound: 학습률은 (final ㄹ), 시드는, 객체가, 값 없음이; after
    // Latin letters or digits both are written (num_words은(는), 0이(가)).
    expect(messageText(thrown(() => stateFromHash(edited((p) => (p.training.learning_rate = 'NaN')))))).toBe(
      '학습률은 0보다 크고 10 이하인 수여야 합니다. 링크에는 "NaN"이(가) 들어 있습니다.',
    );
    expect(messageText(thrown(() => stateFromHash(edited((p) => (p.training.seed = {})))))).toContain(
      '시드는 0부터 2,147,483,647까지의 정수여야 합니다. 링크에는 객체가 들어 있습니다.',
    );
    expect(messageText(thrown(() => stateFromHash(edited((p) => delete p.training.epochs))))).toContain(
      '링크에는 값 없음이 들어 있습니다.',
    );
    expect(messageText(thrown(() => stateFromHash(edited((p) => (p.data.num_words = 2)))))).toContain(
      'num_words은(는) 3부터 10,000까지의 정수여야 합니다.',
    );
  });
});
