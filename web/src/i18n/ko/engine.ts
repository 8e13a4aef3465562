// The engine's coded messages in Korean: one text per code of cpp/engine/messages.def (the type
// requires every code, with the engine's parameters in its order). Keras names stay in Latin.
import type { engine as En } from '../en/engine';
import type { Translation } from '../translation';

// The few English words the engine passes as parameters: sizes it checks (size_overflow), what a
// setting must be (setting_type) and the pack's splits.
const sizeNames: Record<string, string> = {
  'parameter count': '파라미터 개수',
  "recurrent layer's width": '순환층의 너비',
  'values per review': '리뷰마다 담는 값의 개수',
  'weight size': '가중치 크기',
};
const kinds: Record<string, string> = {
  'a number': '수',
  'true or false': 'true 또는 false',
  'a name such as "rmsprop"': '"rmsprop" 같은 이름',
};
const splits: Record<string, string> = { train: '훈련', validation: '검증', test: '테스트' };
// Why a TF.js weight file path is refused (shard_path_problem in cpp/engine/tfjs_format.cpp; the
// Vitest engine-messages.test.ts opens a model.json with each kind of path and checks that every
// reason the engine gives is said here in Korean).
const pathProblems: Record<string, string> = {
  'the path is empty': '경로가 비어 있습니다',
  "it contains a backslash; use '/' between folders":
    "역슬래시(\\)가 들어 있습니다. 폴더 사이에는 '/'를 쓰세요",
  "it contains ':' (a URL or a drive letter); weight files must sit in the model's folder":
    "':'(URL이나 드라이브 문자)가 들어 있습니다. 가중치 파일은 모델 폴더 안에 있어야 합니다",
  'it is an absolute path; weight paths are relative to model.json':
    '절대 경로입니다. 가중치 경로는 model.json을 기준으로 한 상대 경로여야 합니다',
  "it starts with '~' (a home folder); weight paths are relative to model.json":
    "'~'(홈 폴더)로 시작합니다. 가중치 경로는 model.json을 기준으로 한 상대 경로여야 합니다",
  "it contains '..', which leaves the model's folder": "'..'가 들어 있어 모델 폴더 밖을 가리킵니다",
  "it contains an empty folder name ('//')": "이름이 빈 폴더('//')가 들어 있습니다",
  'it names a folder, not a file': '파일이 아니라 폴더를 가리킵니다',
};
function pathProblem(problem: string): string {
  const code = /^it contains the character code (\d+);/.exec(problem);
  if (code) return `문자 코드 ${code[1]}인 문자가 들어 있습니다. 영문자, 숫자, '.', '_', '-', '/'만 쓰세요`;
  return pathProblems[problem] ?? problem;
}

export const engine: Translation<typeof En> = {
  no_layers: () => '모델에 층이 없습니다. 층을 하나 이상 추가하세요 (예: Embedding, LSTM, Dense).',
  empty_name: (kind) => `${kind} 층의 이름이 비어 있습니다. 모든 층에 이름을 붙이세요.`,
  duplicate_name: (name) =>
    `'${name}'이라는 층이 둘 있습니다. 층 이름은 (Keras처럼) 서로 달라야 합니다. 하나의 이름을 바꾸세요.`,
  input_length_range: (value) =>
    `입력 길이(타임스텝)는 1부터 100000까지이거나 None이어야 하는데, ${value}을(를) 받았습니다.`,
  one_hot_needs_vocabulary: (kind, name, vocab) =>
    `${kind} 층 '${name}'이 첫 번째 층이라 원-핫 벡터를 읽습니다. 입력 크기는 (타임스텝, 어휘 사전 크기)여야 합니다 (예: batch_input_shape [null, 100, 500]). ` +
    `받은 어휘 사전 크기는 ${vocab}입니다. 3차원 입력 크기를 주거나 Embedding 층을 맨 앞에 두세요.`,
  bad_first_layer: (kind, name) =>
    `${kind} 층 '${name}'은 첫 번째 층이 될 수 없습니다: 입력이 토큰 번호입니다. Embedding 층으로 시작하거나, 원-핫 입력 크기 (타임스텝, 어휘 사전 크기)의 순환층으로 시작하세요.`,
  embedding_not_first: (name) =>
    `Embedding 층 '${name}'이 첫 번째 층이 아닙니다. Embedding은 토큰 번호를 읽으므로 맨 앞에만 올 수 있습니다. 맨 위로 옮기거나 삭제하세요.`,
  needs_sequence: (kind, name, belowKind, below) =>
    `${kind} 층 '${name}'에는 시퀀스 (배치, 타임스텝, 특성)가 필요한데, 아래 층 ${belowKind} '${below}'은 리뷰마다 벡터 하나를 출력합니다. 아래 층에 return_sequences를 켜세요.`,
  size_range: (kind, name, field, value) =>
    `${kind} 층 '${name}': ${field}은(는) 1부터 50000000까지여야 합니다 (그보다 크면 어떤 층에도 너무 큽니다). ${field}=${value}을(를) 받았습니다.`,
  rate_range: (kind, name, field, value) =>
    `${kind} 층 '${name}': ${field}은(는) [0, 1) 범위여야 하는데, ${field}=${value}을(를) 받았습니다. (Keras는 조용히 잘라 냅니다. 0.3 같은 비율을 쓰세요.)`,
  too_many_params: (kind, name, count, limit) =>
    `${kind} 층 '${name}'의 모델 파라미터가 ${count}개가 됩니다. 층마다 한도는 ${limit}개입니다. 뉴런을 줄이거나 어휘 사전 / 임베딩 크기를 줄이세요.`,
  not_json: (detail) =>
    `모델이 올바른 JSON이 아닙니다 (${detail}). Keras의 model.to_json() 출력을 붙여 넣으세요.`,
  not_object: () => '모델 JSON은 {"class_name": "Sequential", ...} 같은 객체여야 합니다.',
  no_class_name: () =>
    '모델 JSON에 "class_name"이 없습니다. "Sequential"이어야 합니다 (Keras의 model.to_json()).',
  not_sequential: (className) =>
    `Sequential 모델만 지원합니다. 받은 class_name은 "${className}"입니다. keras.Sequential로 모델을 다시 만드세요.`,
  no_layer_list: () => 'Sequential 모델의 config에 "layers" 목록이 없습니다.',
  unsupported_layer: (position, layerClass) =>
    `${position}번째 층은 ${layerClass}인데, 지원하지 않는 층입니다. Embedding, SimpleRNN, LSTM, GRU, Dense, Dropout을 쓰세요.`,
  missing_option: (kind, name, key) =>
    `${kind} 층 '${name}': 옵션 '${key}'이 없습니다. 8 같은 정수를 주세요.`,
  not_whole_number: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}은(는) 정수여야 하는데, ${key}=${value}을(를) 받았습니다.`,
  not_a_number: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}은(는) 수여야 하는데, ${key}=${value}을(를) 받았습니다.`,
  not_true_false: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}은(는) true나 false여야 하는데, ${key}=${value}을(를) 받았습니다.`,
  unknown_activation: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key} '${value}'은(는) 지원하지 않습니다. linear, relu, tanh, sigmoid, hard_sigmoid, softmax 중 하나를 쓰세요.`,
  output_not_dense: (name, kind) =>
    `마지막 층 '${name}' (${kind})으로는 레이블에 맞춰 훈련할 수 없습니다. 두 클래스는 Dense(1, activation='sigmoid'), k개 클래스는 Dense(k, activation='softmax')로 모델을 끝내세요.`,
  output_per_step: (name, kind) =>
    `마지막 층 '${name}' (${kind})은 타임스텝마다 값을 출력하지만 리뷰마다 레이블은 하나입니다. 그 아래 순환층의 return_sequences를 끄세요.`,
  output_activation: (name, kind, units, activation) =>
    `마지막 층 '${name}' (${kind})은 units=${units}, activation='${activation}'입니다. 훈련하려면 Dense(1, activation='sigmoid') (이진 크로스 엔트로피)나 Dense(k > 1, activation='softmax') (다중 분류 크로스 엔트로피)가 필요합니다.`,
  setting_range: (key, lo, hi, value) =>
    `훈련 설정 ${key}은(는) ${lo}부터 ${hi}까지의 정수여야 하는데, ${value}을(를) 받았습니다.`,
  no_layers_besides_input: () => '모델에 입력 말고는 층이 없습니다. 층을 하나 이상 추가하세요.',
  number_too_large: () =>
    '모델 JSON에 double로 나타낼 수 없을 만큼 큰 수(예: 1e999)가 있습니다. Keras 모델의 어떤 설정에도 필요 없는 수입니다. Keras의 model.to_json() 출력을 붙여 넣으세요.',
  nested_too_deep: () =>
    '모델 JSON이 64단계보다 깊게 중첩되어 있습니다. Keras 모델은 그렇게 깊지 않습니다. model.to_json() 출력을 붙여 넣으세요.',
  model_too_large: (total) => `모델의 파라미터가 ${total}개로, 모델 전체의 한도 50000000개를 넘습니다.`,
  learning_rate_range: (value) => `학습률은 0보다 크고 10 이하여야 하는데, ${value}을(를) 받았습니다.`,
  size_far_too_large: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}=${value}은(는) 너무 큽니다. 8, 32, 500 같은 크기를 쓰세요.`,
  activation_not_name: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}은(는) "tanh" 같은 활성화 함수 이름이어야 하는데, ${value}을(를) 받았습니다.`,
  initializer_not_object: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}은(는) {"class_name": "GlorotUniform"} 같은 초기화 방법이어야 하는데, ${value}을(를) 받았습니다.`,
  initializer_setting_not_number: (kind, name, key, initializer, setting, value) =>
    `${kind} 층 '${name}': ${key} ${initializer}의 ${setting}은(는) 수여야 하는데, ${value}을(를) 받았습니다.`,
  unsupported_initializer: (kind, name, initializer, key) =>
    `${kind} 층 '${name}': ${key}의 초기화 방법 '${initializer}'은(는) 지원하지 않습니다. GlorotUniform, Orthogonal, Zeros, RandomUniform 같은 Keras 기본 초기화 방법을 쓰세요.`,
  option_must_be_false: (kind, name, key) =>
    `${kind} 층 '${name}': ${key}=true는 지원하지 않습니다. ${key}를 false로 하세요.`,
  mask_zero_unsupported: (kind, name, key) =>
    `${kind} 층 '${name}': ${key}=true는 지원하지 않습니다. ${key}를 false로 하세요 (여기서는 패딩 번호 0도 보통 토큰입니다).`,
  option_must_be_null: (kind, name, key, value) =>
    `${kind} 층 '${name}': ${key}은(는) 지원하지 않는데, ${value}을(를) 받았습니다. null로 하세요.`,
  not_trainable: (kind, name) =>
    `${kind} 층 '${name}': trainable=false는 지원하지 않습니다. 여기서는 모든 층을 훈련합니다. trainable을 true로 하세요.`,
  time_major: (kind, name) => `${kind} 층 '${name}': time_major=true는 지원하지 않습니다. false로 하세요.`,
  shape_not_list: (kind, name, value) =>
    `${kind} 층 '${name}': 입력 크기는 [null, 100] 같은 리스트여야 하는데, ${value}을(를) 받았습니다.`,
  shape_entry_not_whole: (kind, name, value) =>
    `${kind} 층 '${name}': 입력 크기의 각 값은 정수나 null이어야 하는데, ${value}을(를) 받았습니다.`,
  shape_size_range: (kind, name, value) =>
    `${kind} 층 '${name}': 입력 크기 ${value}에 범위를 벗어난 크기가 있습니다. [null, 100]처럼 쓰세요.`,
  shape_rank: (kind, name, value) =>
    `${kind} 층 '${name}': 입력 크기 ${value}은(는) 토큰 번호라면 (타임스텝), 원-핫 벡터라면 (타임스텝, 어휘 사전 크기)여야 합니다. 예: [null, 100] 또는 [null, 100, 500].`,
  name_too_long: (position) => `${position}번째 층의 이름이 100자를 넘습니다. 줄이세요.`,
  model_json_too_large: () => '모델 JSON이 16 MB를 넘습니다. model.to_json() 출력을 붙여 넣으세요.',
  too_many_layers: () => '모델의 층이 1000개를 넘습니다. 1000개 미만으로 하세요.',
  layer_no_class_name: (position) => `${position}번째 층에 "class_name"이 없습니다.`,
  layer_config_not_object: (position, layerClass) =>
    `${position}번째 층 (${layerClass})의 config가 객체가 아닙니다.`,
  input_layer_not_first: (position) =>
    `InputLayer는 맨 앞에만 올 수 있습니다. ${position}번째의 InputLayer를 삭제하세요.`,
  input_layer_no_shape: () =>
    'InputLayer에 batch_shape / batch_input_shape가 없습니다. [null, 100] 같은 값을 주세요.',
  embedding_one_hot_shape: (name, vocab) =>
    `Embedding 층 '${name}'은 (타임스텝) 크기의 토큰 번호를 읽는데, 입력 크기에 세 번째 축 ${vocab}이(가) 있습니다. [null, 100] 같은 입력 크기를 쓰세요.`,
  one_hot_needs_shape: (kind, name, time) =>
    `${kind} 층 '${name}'이 첫 번째 층이라 원-핫 벡터를 읽으므로 [null, 100, 500] 같은 입력 크기 (타임스텝, 어휘 사전 크기)가 필요한데, (${time})을(를) 받았습니다. 어휘 사전 크기를 더하거나 Embedding 층을 맨 앞에 두세요.`,
  orthogonal_bias: (kind, name) =>
    `${kind} 층 '${name}': bias_initializer Orthogonal은 2차원 이상의 가중치가 필요한데, 절편은 1차원입니다. Orthogonal은 커널에만 쓰세요 (절편에는 Zeros 등).`,
  initializer_beyond_float: (kind, name, field, value) =>
    `${kind} 층 '${name}': ${field} ${value}은(는) float32 가중치의 범위를 넘습니다. -1e30부터 1e30까지를 쓰세요.`,
  review_length_range: (value) => `리뷰의 타임스텝은 1부터 100000까지여야 하는데, ${value}입니다.`,
  too_many_values_per_review: (kind, name) =>
    `${kind} 층 '${name}'이 리뷰마다 16777216개가 넘는 값을 담게 됩니다. 입력 길이(maxlen)를 줄이거나 뉴런을 줄이세요.`,
  size_overflow: (what) =>
    `${sizeNames[what] ?? what}이(가) 음수이거나 64비트에 들어가지 않습니다. 모델의 크기가 범위를 벗어났습니다. 8, 32, 500 같은 크기를 쓰세요.`,
  layer_token_id_range: (kind, name, id, position, vocab) =>
    `${kind} 층 '${name}'이 토큰 번호 ${id}을(를) 받았습니다 (배치의 ${position}번째). 번호는 [0, ${vocab}) 범위여야 합니다. 드문 단어는 2(어휘 사전에 없음)로 바꾸거나 어휘 사전을 키우세요.`,
  out_of_memory: () => '메모리가 부족합니다. 이 탭에서 다루기에는 모델이나 데이터가 너무 큽니다.',
  setting_type: (key, mustBe, value) =>
    `훈련 설정 ${key}은(는) ${kinds[mustBe] ?? mustBe}이어야 하는데, ${value}을(를) 받았습니다.`,
  no_sequences: () => '토큰 번호 시퀀스를 하나 이상 주세요.',
  sequence_empty: (index) => `시퀀스 ${index}이(가) 비어 있거나 토큰 번호의 리스트가 아닙니다.`,
  sequences_unequal: () => '모든 시퀀스의 길이가 같아야 합니다 (먼저 패딩하세요).',
  sequence_length: (expected, received) =>
    `모델은 타임스텝 ${expected}개의 시퀀스를 읽는데, ${received}개를 받았습니다.`,
  token_ids_whole: () => '토큰 번호는 정수여야 합니다.',
  token_id_range: (id, sequence, position, vocab) =>
    `토큰 번호 ${id} (시퀀스 ${sequence}, 위치 ${position})이(가) 어휘 사전 범위 [0, ${vocab}) 밖입니다.`,
  no_data_loaded: () => '아직 불러온 데이터가 없습니다. 먼저 데이터 팩을 불러오세요.',
  input_length_maxlen: (inputLength, maxlen) =>
    `모델의 입력 길이는 ${inputLength}인데 maxlen은 ${maxlen}입니다. 둘을 같게 하세요.`,
  num_words_vocab: (numWords, vocab) =>
    `num_words는 ${numWords}인데 모델의 어휘 사전 크기는 ${vocab}입니다. 토큰 번호가 들어가지 않습니다. num_words를 Embedding의 input_dim (또는 원-핫 벡터 크기) 이하로 하세요.`,
  no_training_run: () => '진행 중인 훈련이 없습니다. 먼저 훈련을 시작하세요.',
  no_run_to_finish: () => '끝낼 훈련이 없습니다.',
  data_outside_pack: () => 'num_words나 maxlen이 데이터 팩에 담긴 범위를 벗어납니다.',
  no_trained_model: () => '아직 훈련한 모델이 없습니다. 먼저 모델을 훈련하세요.',
  predict_count: () => '길이가 같은 시퀀스를 1개 이상 주세요 (ids.length는 count의 배수여야 합니다).',
  pack_empty: () =>
    '데이터 팩이 비어 있습니다 (0바이트). scripts/build-data.ts로 만든 .pack 파일을 불러오세요.',
  pack_null: () => '데이터 팩의 바이트가 주어지지 않았습니다.',
  pack_not_pack: () =>
    '이 바이트는 데이터 팩이 아닙니다 ("RNNPACK"으로 시작하지 않습니다). scripts/build-data.ts로 만든 .pack 파일을 불러오세요.',
  pack_truncated_header: (size, needed) =>
    `데이터 팩이 잘렸습니다: ${size}바이트로, 헤더와 체크섬의 ${needed}바이트보다 작습니다. 팩을 다시 내려받으세요.`,
  pack_version: (version, supported) =>
    `데이터 팩의 버전 ${version}은(는) 지원하지 않습니다. 이 프로그램은 버전 ${supported}을(를) 읽습니다. 이 릴리스의 스크립트로 팩을 다시 만드세요.`,
  pack_header_range: (field, value, lo, hi) =>
    `데이터 팩의 헤더가 손상되었습니다: ${field} ${value}이(가) [${lo}, ${hi}] 범위 밖입니다.`,
  pack_tokens_cannot_fit: (tokens, reviews, length) =>
    `데이터 팩의 헤더가 손상되었습니다: 토큰 ${tokens}개가 최대 길이 ${length}인 리뷰 ${reviews}개에 들어갈 수 없습니다.`,
  pack_truncated: (expected, size) =>
    `데이터 팩이 잘렸습니다: 헤더에는 ${expected}바이트라고 적혀 있지만 ${size}바이트뿐입니다. 팩을 다시 내려받으세요.`,
  pack_extra_bytes: (extra, expected) =>
    `데이터 팩이 손상되었습니다: 헤더에 적힌 ${expected}바이트 뒤에 예상하지 못한 ${extra}바이트가 있습니다.`,
  pack_too_many_reviews: (reviews) =>
    `데이터 팩의 헤더가 손상되었습니다: 리뷰 ${reviews}개는 이 프로그램이 담을 수 있는 수보다 많습니다.`,
  pack_checksum: (stored, computed) =>
    `데이터 팩이 손상되었습니다: 체크섬이 맞지 않습니다 (저장된 CRC-32 ${stored}, 계산한 값 ${computed}). 팩을 다시 내려받거나 다시 만드세요.`,
  pack_review_label: (split, index, label, classes) =>
    `데이터 팩이 손상되었습니다: ${splits[split] ?? split} 리뷰 ${index}의 레이블 ${label}이(가) [0, ${classes}) 범위 밖입니다.`,
  pack_review_length: (split, index, length) =>
    `데이터 팩이 손상되었습니다: ${splits[split] ?? split} 리뷰 ${index}의 길이 ${length}이(가) 팩에 맞지 않습니다.`,
  pack_review_token: (split, index, id, vocab) =>
    `데이터 팩이 손상되었습니다: ${splits[split] ?? split} 리뷰 ${index}에 vocab_size ${vocab} 이상인 토큰 번호 ${id}이(가) 있습니다.`,
  pack_num_words: (numWords, vocab) =>
    `num_words ${numWords}은(는) 쓸 수 없습니다. 이 팩은 3부터 ${vocab}까지를 지원합니다 (번호 0 패딩, 1 시작, 2 어휘 사전에 없음에 3개가 필요합니다).`,
  pack_maxlen: (maxlen, stored) =>
    `maxlen ${maxlen}은(는) 쓸 수 없습니다. 이 팩은 리뷰마다 마지막 토큰 ${stored}개를 담고 있으니 1부터 ${stored}까지 고르세요.`,
  pack_too_large: (reviews, maxlen, largest) =>
    `maxlen ${maxlen}인 리뷰 ${reviews}개에는 256 MB가 넘게 필요합니다. maxlen을 ${largest} 이하로 고르세요.`,
  unknown_optimizer: (name) => `알 수 없는 옵티마이저 '${name}'입니다. rmsprop, adam, sgd 중에서 고르세요.`,
  pack_lengths_sum: (sum, tokens) =>
    `데이터 팩이 손상되었습니다: 리뷰 길이의 합은 토큰 ${sum}개인데 헤더에는 ${tokens}개라고 적혀 있습니다.`,
  clipnorm_range: (value) => `clipnorm은 0(클리핑 없음)부터 1000까지여야 하는데, ${value}을(를) 받았습니다.`,
  // File formats (cpp/engine/format_messages.def).
  keras_config_not_json: (detail) =>
    `config.json이 올바른 JSON이 아닙니다 (${detail}). .keras 파일이 손상되었습니다. Keras에서 모델을 다시 저장하세요.`,
  keras_not_sequential: (className) =>
    `파일에 든 모델은 ${className}입니다. keras.Sequential 모델만 열 수 있습니다. keras.Sequential로 모델을 다시 만들어 저장하세요.`,
  keras_not_keras3: () =>
    `config.json이 Keras 3 모델 설정이 아닙니다 ("module" 키가 없습니다). Keras 3의 model.save('model.keras')로 저장하거나, tf.keras 2의 .h5 파일을 여세요.`,
  keras_dtype_policy: (name, dtype) =>
    `층 '${name}'은(는) ${dtype}로 계산합니다. float32 모델만 열 수 있습니다. 기본 dtype인 float32로 (혼합 정밀도 없이) 모델을 저장하세요.`,
  keras_quantized: (name) =>
    `층 '${name}'은(는) 양자화되어 있습니다. float32 모델만 열 수 있습니다. model.quantize() 전에 모델을 저장하세요.`,
  keras_lora: (name) =>
    `층 '${name}'에 LoRA 가중치(lora_rank)가 있습니다. 보통의 층만 열 수 있습니다. 저장한 뒤에 layer.enable_lora를 부르거나 가중치를 먼저 합치세요.`,
  keras_unbuilt: () =>
    `모델에 입력 크기가 없어서 (keras.Input도 build_config도 없음) 파일에 가중치가 없습니다. keras.Input(shape=(maxlen,))으로 모델을 시작하고, 훈련하거나 빌드한 뒤 다시 저장하세요.`,
  weights_missing: (file, path) =>
    `${file}에 모델에 필요한 데이터셋 '${path}'이(가) 없습니다. 파일이 불완전하거나 다른 모델의 파일입니다. 모델을 다시 저장하세요.`,
  weights_extra: (file, path) =>
    `${file}에 모델에 자리가 없는 데이터셋 '${path}'이(가) 있습니다. 다른 모델의 파일이거나 바뀐 파일입니다. 모델을 다시 저장하세요.`,
  weights_shape: (file, path, shape, expected) =>
    `${file}의 데이터셋 '${path}'의 크기는 ${shape}인데 모델에는 ${expected}가 필요합니다. 다른 모델의 가중치입니다 (뉴런 개수, 입력 크기, reset_after, use_bias를 확인하세요).`,
  weights_dtype: (file, path, dtype) =>
    `${file}의 데이터셋 '${path}'에는 ${dtype} 값이 들어 있습니다. float32 가중치만 읽을 수 있습니다. 모델을 float32로 저장하세요.`,
  weights_not_finite: (path, index) =>
    `가중치 '${path}'의 ${index}번째 값이 유한하지 않습니다 (NaN이나 무한대). 파일이 손상되었거나 훈련 중에 모델이 발산했습니다.`,
  h5_no_model_config: () =>
    `이 .h5 파일에는 model_config 속성이 없습니다. 가중치만 담긴 파일(save_weights)이거나 Keras 모델이 아닙니다. tf.keras 2에서는 model.save('model.h5'), Keras 3에서는 model.save('model.keras')로 모델 전체를 저장하세요.`,
  h5_layer_count: (saved, expected) =>
    `.h5 파일에는 ${saved}개 층의 가중치가 있는데, 그 모델에서 가중치가 있는 층은 ${expected}개입니다. 파일이 손상되었습니다. 모델을 다시 저장하세요.`,
  h5_weight_count: (layer, saved, expected) =>
    `.h5 파일의 층 '${layer}'에는 가중치가 ${saved}개 적혀 있는데 그 층의 가중치는 ${expected}개입니다. 파일이 손상되었습니다. 모델을 다시 저장하세요.`,
  listing_malformed: (detail) => `HDF5 파일의 목록이 잘못되었습니다 (${detail}).`,
  save_hard_sigmoid: (name) =>
    `층 '${name}'은(는) Keras 2의 hard_sigmoid (0.2x + 0.5)를 씁니다. Keras 3은 x/6 + 0.5로 계산하므로 .keras 파일은 다른 값을 예측합니다. sigmoid를 쓰거나 TF.js로 모델을 공유하세요.`,
  save_optimizer: (name) =>
    `옵티마이저 '${name}'은(는) .keras 파일에 쓸 수 없습니다. rmsprop, adam, sgd 중 하나를 쓰세요.`,
  save_loss: (loss, expected) =>
    `손실 함수 '${loss}'은(는) 모델의 출력층에 맞지 않습니다. 출력층은 '${expected}'로 훈련합니다.`,
  save_setting: (key, value) =>
    `훈련 설정 ${key}=${value}은(는) .keras 파일에 쓸 수 없습니다. 유한한 수를 주세요 (비워 두면 Keras의 기본값을 씁니다).`,
  note_optimizer_ignored: (count) =>
    `파일에는 옵티마이저의 상태(데이터셋 ${count}개)도 들어 있습니다. 모델의 가중치만 열고, 훈련은 새 옵티마이저로 이어 갑니다.`,
  // TF.js model.json (cpp/engine/tfjs_format.cpp).
  tfjs_not_object: () => `model.json: "modelTopology"와 "weightsManifest"가 든 JSON 객체여야 합니다.`,
  tfjs_graph_model: (format) =>
    `model.json: "format"이 ${format}입니다. TF.js "layers-model" 파일만 열 수 있습니다 ("graph-model"에는 Keras 층이 없습니다).`,
  tfjs_no_topology: () =>
    `model.json: "modelTopology" 객체가 없습니다. 모델을 TF.js layers 모델(model.json + weights.bin)로 저장하세요.`,
  tfjs_too_deep: () =>
    `model.json: 64단계보다 깊게 중첩되어 있습니다. TF.js model.json은 그렇게 깊지 않습니다.`,
  tfjs_not_json: () => `model.json: 올바른 JSON이 아닙니다 (파일이 온전한가요?).`,
  tfjs_topology: (detail) => `model.json: modelTopology를 읽을 수 없습니다: ${detail}`,
  tfjs_topology_unreadable: (detail) => `model.json: 모델 구조를 읽을 수 없습니다: ${detail}`,
  tfjs_no_manifest: () =>
    `model.json: "weightsManifest" 배열이 없습니다. 이 배열에는 가중치 파일과 그 파일에 든 가중치가 적혀 있어야 합니다.`,
  tfjs_group_form: (group) =>
    `model.json: weightsManifest[${group}]은(는) "paths" 배열과 "weights" 배열이 있는 객체여야 합니다.`,
  tfjs_path_not_string: (group, path) =>
    `model.json: weightsManifest[${group}].paths에 파일 이름이 아닌 ${path}이(가) 있습니다.`,
  tfjs_path_refused: (path, problem) =>
    `model.json: 가중치 파일 경로 ${path}은(는) 쓸 수 없습니다 (${pathProblem(problem)}). 가중치 파일은 model.json과 같은 폴더에 두세요.`,
  tfjs_no_files: (group) =>
    `model.json: weightsManifest[${group}]에 가중치는 적혀 있는데 그 가중치를 담은 파일이 없습니다.`,
  tfjs_weight_no_name: (group, weight) =>
    `model.json: weightsManifest[${group}].weights의 ${weight}에는 "name" 문자열이 없습니다.`,
  tfjs_quantized: (name) =>
    `model.json: 가중치 '${name}'은(는) 양자화되어 있습니다. 보통의 float32 가중치만 열 수 있습니다. 양자화 없이 내보내세요.`,
  tfjs_dtype: (name, dtype) =>
    `model.json: 가중치 '${name}'의 dtype은 ${dtype}입니다. "float32"만 열 수 있습니다.`,
  tfjs_duplicate: (name) => `model.json: 가중치 '${name}'이(가) weightsManifest에 두 번 나옵니다.`,
  tfjs_shape_not_sizes: (name, shape) =>
    `model.json: 가중치 '${name}'의 크기 ${shape}은(는) 크기의 리스트가 아닙니다.`,
  tfjs_shape: (name, shape, expected) =>
    `model.json: 가중치 '${name}'의 크기는 ${shape}인데 모델 구조에는 ${expected}가 필요합니다. 다른 모델의 가중치입니다 (뉴런 개수, 입력 크기, reset_after, use_bias를 확인하세요).`,
  tfjs_unknown_weights: (names) =>
    `model.json: weightsManifest에 모델 구조에 자리가 없는 가중치가 있습니다: ${names} (가중치 이름은 '<층 이름>/<가중치>' 꼴입니다. 예: 'lstm/kernel').`,
  tfjs_missing_weights: (names) => `model.json: weightsManifest에 ${names}의 값이 없습니다.`,
  tfjs_bytes_short: (files, size, needed, values) =>
    `model.json: 가중치 파일 ${files}은(는) ${size}바이트인데 weightsManifest에는 ${needed}바이트(float32 값 ${values}개)가 필요합니다. 파일이 잘렸습니다. 모델을 다시 저장하세요.`,
  tfjs_bytes_long: (files, size, needed, values) =>
    `model.json: 가중치 파일 ${files}은(는) ${size}바이트인데 weightsManifest에는 ${needed}바이트(float32 값 ${values}개)가 필요합니다. 파일이 적힌 것보다 깁니다. 모델을 다시 저장하세요.`,
  tfjs_not_finite: (name, index) =>
    `model.json: 가중치 '${name}'의 ${index}번째 값이 유한하지 않습니다 (NaN이나 무한대). 파일이 손상되었거나 훈련 중에 모델이 발산했습니다.`,
  tfjs_several_files: (first, path) =>
    `model.json: weightsManifest가 가중치를 여러 파일('${first}', '${path}', ...)에 나누어 담고 있습니다. 가중치 파일이 하나인 모델(이 플레이그라운드의 모델, 또는 샤드 하나로 저장한 TF.js 모델)을 여세요.`,
};
