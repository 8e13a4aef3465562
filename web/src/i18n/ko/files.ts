// 모델 파일: `.keras 내려받기`와 `모델 열기`, 그리고 파일을 거절한 까닭 (Korean). Same keys as en/files.ts.
import { groupThousands as n } from '../format';
import type { files as En } from '../en/files';
import type { Translation } from '../translation';

const mb = (bytes: number) => `${n(Math.round(bytes / (1024 * 1024)))}MB`;

export const files: Translation<typeof En> = {
  downloadKeras: '.keras 내려받기',
  openHeading: 'Keras 노트북에서 다시 가져오기',
  openLabel: '모델 열기',
  openHelp:
    '.keras 파일(이 사이트에서 내려받았거나 Keras 3가 저장한 것, 옵티마이저 상태가 있든 없든), tf.keras 2의 .h5 모델 파일, ' +
    '또는 TF.js의 model.json과 weights.bin(둘을 함께 고르세요)을 엽니다. 모델은 모델 탭에 나타나고, 분류 탭이 그 모델을 쓰며, ' +
    '훈련 탭에서 그 가중치부터 이어서 훈련할 수 있습니다.',
  opening: (name) => `${name} 파일을 읽는 중…`,
  opened: (name, params) =>
    `${name} 파일을 열었습니다: 가중치 ${n(params)}개. 모델 탭에 보이고, 분류 탭이 이 모델을 쓰며, 훈련 탭에서 이 가중치부터 이어서 훈련할 수 있습니다(옵티마이저는 새로 시작합니다).`,
  openedNotes: (notes) => `파일에 대한 참고: ${notes}`,
  classifyLabel: (name) => `${name} (연 파일)`,
  wordIdsNote:
    '이 모델은 파일에서 열었습니다. Keras가 자체 IMDB 배열(keras.datasets.imdb)로 훈련한 모델은 이 사이트의 단어 번호가 아니라 ' +
    'Keras의 단어 번호를 읽습니다. 그래서 여기서는 입력한 것과 다른 단어를 읽게 되어 판정이 큰 의미가 없습니다. ' +
    '이 사이트의 데이터(데이터 내려받기)로 훈련한 모델은 같은 번호를 읽습니다.',
  refused: (why) =>
    `이 파일은 열 수 없습니다: ${why} 아무것도 바뀌지 않았습니다: 지금 모델과 저장된 훈련 기록은 그대로입니다.`,
  problem: {
    tooLarge: (bytes, limit) =>
      `파일 크기가 ${mb(bytes)}로, 여기서 열 수 있는 모델 파일의 한도 ${mb(limit)}보다 큽니다.`,
    empty: (name) => `${name} 파일이 비어 있습니다.`,
    unknownType: (name) =>
      `${name}은(는) 이 페이지가 읽는 모델 파일이 아닙니다: .keras, .h5, 또는 TF.js의 model.json과 weights.bin을 고르세요.`,
    mixedSelection: (names) =>
      `고른 파일들(${names})이 한 모델이 아닙니다: .keras나 .h5 파일 하나, 또는 model.json 하나와 그 .bin 파일을 고르세요.`,
    zipNotZip: (name) =>
      `${name}은(는) zip 압축 파일이 아닙니다(.keras 파일은 zip입니다): 손상되었거나 다른 종류의 파일입니다.`,
    zipTruncated: (name) =>
      `${name} 파일이 잘려 있습니다(zip 목록이 없거나 불완전합니다): 다시 내려받으세요.`,
    zipCorrupt: (name, detail) => `${name}은(는) 손상된 zip 파일입니다(${detail}): 다시 내려받으세요.`,
    zipUnsafeName: (entry) =>
      `압축 파일에 “${entry}”라는 항목이 있는데, 압축 파일 바깥을 가리키는 이름이라 거절합니다.`,
    zipBomb: (entry, declared, fileBytes) =>
      `압축 파일이 항목 ${entry}을(를) 풀면 ${n(declared)}바이트가 된다고 적혀 있는데, ${n(fileBytes)}바이트 파일로는 불가능한 크기입니다(zip 폭탄): 풀지 않습니다.`,
    zipMethod: (entry, method) =>
      `압축 항목 ${entry}은(는) 압축 방식 ${method}을(를) 씁니다; 압축하지 않은 항목과 deflate 항목만 읽습니다.`,
    zipEncrypted: (entry) => `압축 항목 ${entry}이(가) 암호화되어 있습니다.`,
    zipChecksum: (entry) =>
      `압축 항목 ${entry}이(가) 체크섬(CRC-32)과 맞지 않습니다: 파일이 손상되었습니다. 다시 내려받으세요.`,
    missingMember: (member, expected) => `${member}이(가) 없습니다(있어야 할 것: ${expected}).`,
    extraMember: (member, expected) =>
      `압축 파일에 있어서는 안 되는 ${member}이(가) 들어 있습니다(있어야 할 것은 ${expected}뿐입니다).`,
    h5NotHdf5: (name) => `${name}은(는) HDF5 파일이 아닙니다(HDF5 서명이 없습니다).`,
    h5Version: (version) =>
      `HDF5 파일의 슈퍼블록 버전이 ${version}인데, 어떤 HDF5 라이브러리도 이런 버전을 쓰지 않습니다.`,
    h5Truncated: (declared, actual) =>
      `HDF5 파일이 잘려 있습니다: ${n(declared)}바이트라고 적혀 있지만 ${n(actual)}바이트뿐입니다. 다시 내려받으세요.`,
    h5Unreadable: (detail) => `HDF5 파일을 읽을 수 없습니다(${detail}).`,
    h5Dtype: (path, dtype) =>
      `가중치 ${path}의 자료형이 ${dtype}입니다; float32 가중치만 읽습니다. 모델을 float32로 저장하세요.`,
    h5Missing: (path) => `가중치 파일에 모델에 필요한 데이터셋 ${path}이(가) 없습니다.`,
    h5Shape: (path, got, expected) =>
      `데이터셋 ${path}의 크기가 ${got}인데 모델에는 ${expected}이(가) 필요합니다.`,
    nonFinite: (path, index) => `가중치 ${path}의 ${n(index)}번째 값이 유한한 수가 아닙니다(NaN이나 무한대).`,
    badJson: (member, detail) => `${member}이(가) 올바른 JSON이 아닙니다(${detail}).`,
    tfjsNoWeights: () =>
      'TF.js의 model.json에는 가중치 파일이 필요합니다: model.json과 weights.bin을 함께 고르세요.',
    refusedModel: (detail) => `파일 속 모델을 여기서 쓸 수 없습니다: ${detail}`,
  },
};
