// The Runs view and keeping runs (Korean). Same keys as en/runs.ts.
import { groupThousands as n } from '../format';
import type { runs as En } from '../en/runs';
import type { Translation } from '../translation';

export const runs: Translation<typeof En> = {
  tab: '훈련 기록',
  heading: '이 브라우저에 저장된 훈련 기록',
  intro:
    '모든 훈련은 진행되는 동안(에포크마다)과 끝날 때 여기에 저장됩니다: 설정, 곡선, 가중치, 옵티마이저 상태. ' +
    '기록을 열면 곡선을 다시 보고, 그 모델로 분류하고, 이어서 훈련할 수 있습니다.',
  empty: '아직 훈련 기록이 없습니다: 모델을 훈련하면(훈련 탭이나 비교 탭) 여기에 나타납니다.',
  tableLabel: '저장된 훈련 기록',
  colName: '이름',
  colModel: '모델',
  colData: '데이터',
  colDate: '날짜',
  colEpochs: '에포크',
  colBestValAcc: '최고 검증 정확도',
  colTestAcc: '테스트 정확도',
  colStatus: '상태',
  colActions: '작업',
  open: '기록 열기',
  rename: '이름 바꾸기',
  delete: '삭제',
  save: '저장',
  cancel: '취소',
  renameLabel: (name) => `${name}의 새 이름`,
  openLabel: (name) => `기록 열기 ${name}`,
  renameButtonLabel: (name) => `이름 바꾸기 ${name}`,
  deleteLabel: (name) => `삭제 ${name}`,
  confirmDelete: (name) => `“${name}” 기록과 가중치를 삭제할까요? 되돌릴 수 없습니다.`,
  confirmYes: '삭제',
  data: (pack, numWords, maxlen) =>
    `${pack === 'book' ? '책의 분할' : pack === 'long-memory' ? '긴 기억' : '빠른 부분집합'} · num_words ${n(numWords)} · maxlen ${n(maxlen)}`,
  status: {
    training: '훈련 중',
    interrupted: '중단됨 (마지막으로 끝난 에포크까지 저장)',
    finished: '완료',
    early_stopped: '조기 종료',
    stopped: '사용자가 중지',
    nan: '중지 (손실 NaN)',
  },
  modelFallback: '모델',
  opened: (name, epochs) =>
    `${name} 기록을 열었습니다: ${n(epochs)} 에포크. 분류 탭이 이 모델을 씁니다. 이어서 훈련하면 ${n(epochs + 1)}번째 에포크부터 계속합니다.`,
  openFailed: (msg) => `기록을 열 수 없습니다: ${msg}`,
  runName: (model, stamp, from) =>
    `${model}${from === 'compare' ? ' (비교)' : from === 'chapter' ? ' (9장 전체 실행)' : ''} · ${stamp}`,
  classifyLabel: (name) => `${name} (저장된 기록)`,
  interruptedNote: (count) =>
    `훈련 중에 새로 고침으로 끊긴 기록 ${n(count)}개: 마지막으로 끝난 에포크까지 저장되어 '중단됨'으로 표시됩니다.`,
  leaveWarning:
    '모델을 훈련하는 중입니다: 페이지를 떠나면 훈련이 멈춥니다(마지막으로 끝난 에포크는 훈련 기록에 남습니다).',
  storageFull:
    '이 사이트의 브라우저 저장 공간이 가득 찼습니다: 이번 훈련은 저장되지 않습니다. 훈련 기록에서 오래된 기록을 삭제하세요. 이미 저장된 기록은 그대로 있습니다.',
  storageUnavailable: (detail) =>
    `이 브라우저에는 훈련 기록을 저장할 수 없습니다 (${detail}). 페이지는 계속 동작하고, 이미 저장된 기록은 그대로 있습니다.`,
  noLongerStored: '더 이상 저장되어 있지 않습니다',
  shareHeading: 'Keras 노트북으로 가져가기',
  shareIntro:
    '같은 모델을 같은 리뷰로 Keras(코랩, 책의 노트북)에서 훈련해 보세요: 데이터를 내려받고, ' +
    'Keras 코드를 셀에 붙여 넣고, 두 곡선을 나란히 비교합니다.',
  downloadTfjs: 'TF.js 모델 내려받기',
  copyKerasCode: 'Keras 코드 복사',
  downloadData: '데이터 내려받기',
  downloadWordIndex: 'word_index.json 내려받기',
  tfjsNeedsModel:
    '먼저 모델을 훈련하거나, 기록을 열거나, 모델 파일을 여세요: 분류 탭이 쓰는 모델을 TF.js나 .keras로 내려받습니다.',
  kerasCodeLabel: 'Keras 코드 (파이썬 셀)',
  copied: '복사했습니다: 노트북 셀에 붙여 넣으세요.',
  copyManually: '브라우저가 복사를 허용하지 않았습니다: 아래 코드를 선택해 복사하세요.',
  noKerasCode: '모델이 Sequential 층 목록이 아닙니다: 먼저 모델 탭에서 고치세요.',
  preparing: '파일을 준비하는 중…',
  downloaded: (name) => `${name} 파일을 내려받았습니다.`,
  exportFailed: (msg) => `파일을 준비할 수 없습니다: ${msg}`,
  continueTraining: (epoch) => `${n(epoch)}번째 에포크부터 이어서`,
  openedStatus: (epochs, testAccuracy) =>
    `저장된 기록: ${n(epochs)} 에포크${testAccuracy === null ? '' : `, 테스트 정확도 ${testAccuracy.toFixed(3)}`}.`,
  continueNote: (name, epochs) =>
    `열린 기록: ${name}, ${n(epochs)} 에포크 훈련됨. '${n(epochs + 1)}번째 에포크부터 이어서'는 그 가중치와 옵티마이저 상태로 이어서 훈련하고, '훈련'은 새로 시작합니다.`,
};
