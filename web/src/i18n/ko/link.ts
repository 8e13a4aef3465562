// Why a set-up from a link (or from storage) was refused (Korean). Same keys as en/link.ts.
import type { link as En, StateField, StateSource } from '../en/link';
import { LIMITS, type LimitedField } from '../../state/limits';
import type { Translation } from '../translation';

const n = (v: number) => v.toLocaleString('en-US');

const fields: Record<StateField, string> = {
  pack: '데이터 세트',
  num_words: 'num_words',
  maxlen: 'maxlen',
  optimizer: '옵티마이저',
  learning_rate: '학습률',
  batch_size: '배치 크기',
  epochs: '에포크',
  patience: 'patience',
  seed: '시드',
  keras: 'Keras 버전',
  restore_best: 'restore_best',
  clipnorm: 'clipnorm',
  data: '데이터',
  training: '훈련',
};
const sources: Record<StateSource, string> = { link: '링크', 'saved set-up': '저장된 설정' };
const kinds: Record<string, string> = { list: '리스트', object: '객체', undefined: '값 없음' };
const value = (v: string) => kinds[v] ?? v;

/**
 * A word with its particle: 은/이 after a final consonant, 는/가 after a vowel (에포크는, 시드는,
 * 리스트가); both written out after a word that does not end in Hangul (num_words은(는), 7이(가)).
 */
function particle(word: string, afterConsonant: string, afterVowel: string): string {
  const last = word.charCodeAt(word.length - 1) - 0xac00;
  if (last < 0 || last > 0xd7a3 - 0xac00) return `${word}${afterConsonant}(${afterVowel})`;
  return `${word}${last % 28 === 0 ? afterVowel : afterConsonant}`;
}
const topic = (word: string) => particle(word, '은', '는');
const subject = (word: string) => particle(word, '이', '가');

/** "1부터 10,000까지의 정수", "0보다 크고 10 이하인 수". */
function range(field: LimitedField): string {
  const limit: { min: number; max: number; integer: boolean; minExclusive?: boolean } = LIMITS[field];
  const kind = limit.integer ? '정수' : '수';
  return limit.minExclusive
    ? `${n(limit.min)}보다 크고 ${n(limit.max)} 이하인 ${kind}`
    : `${n(limit.min)}부터 ${n(limit.max)}까지의 ${kind}`;
}

export const link: Translation<typeof En> = {
  outOfRange: (source, field, received) =>
    `${topic(fields[field])} ${range(field)}여야 합니다. ${sources[source]}에는 ${subject(value(received))} 들어 있습니다.`,
  notOneOf: (source, field, allowed, received) =>
    `${topic(fields[field])} ${allowed} 중 하나여야 합니다. ${sources[source]}에는 ${subject(value(received))} 들어 있습니다.`,
  notBoolean: (source, field, received) =>
    `${topic(fields[field])} true 또는 false여야 합니다. ${sources[source]}에는 ${subject(value(received))} 들어 있습니다.`,
  noSettings: (source, field) => `${sources[source]}에 ${fields[field]} 설정이 없습니다.`,
  noSetup: (source) => `${sources[source]}에 설정이 들어 있지 않습니다.`,
  formatVersion: (source, received, readable) =>
    `${sources[source]}의 형식 버전이 ${value(received)}입니다. 이 페이지는 버전 ${readable}을(를) 읽습니다.`,
  unknownPreset: (source, received) =>
    `${sources[source]}에 알 수 없는 프리셋 ${subject(value(received))} 적혀 있습니다.`,
  noModel: (source) => `${sources[source]}에 모델이 없습니다.`,
  modelTooLong: (source, chars, max) =>
    `${sources[source]}의 모델이 ${n(chars)}자입니다. 모델은 최대 ${n(max)}자까지 담을 수 있습니다.`,
  linkTooLong: (chars, max) => `링크가 ${n(chars)}자입니다. 설정 링크는 최대 ${n(max)}자입니다.`,
  damagedCharacters: '링크가 손상되었습니다 (설정 링크에 없는 문자가 들어 있습니다).',
  damagedBase64: '링크가 손상되었습니다 (잘렸거나 바뀌었습니다).',
  damagedUtf8: '링크가 손상되었습니다 (텍스트가 UTF-8이 아닙니다).',
  damagedJson: '링크가 손상되었습니다 (설정을 JSON으로 읽을 수 없습니다).',
};
