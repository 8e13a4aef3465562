// The workers holding a trained model that the Classify tab can use, and their names.
import type { EngineClient } from '../engine/client';
import { ui } from '../i18n';
import type { ClassifyModel } from './classify/classify-view';

/**
 * A worker holding a trained model, and its name in the current language: `label` names it whole
 * (a saved run), otherwise the Classify tab names it from its `title`.
 */
export interface TrainedModel {
  title: () => string;
  client: EngineClient;
  label?: () => string;
  /** Trained on Long memory's synthetic tokens, not on reviews. */
  synthetic?: boolean;
  /** Said beside its verdicts (a model opened from a file may read other word ids). */
  note?: () => string;
}

/**
 * The models the Classify tab reads with: the main worker's (trained or loaded here) first, then
 * those trained in Compare and by Run chapter 9, each named in the current language.
 */
export function classifyModelsOf(
  trainedHere: TrainedModel | null,
  trainedElsewhere: readonly TrainedModel[],
): ClassifyModel[] {
  return [
    ...(trainedHere
      ? [
          {
            label: trainedHere.label?.() ?? ui.classify.trainedHere(trainedHere.title()),
            client: trainedHere.client,
            synthetic: trainedHere.synthetic,
            note: trainedHere.note?.(),
          },
        ]
      : []),
    ...trainedElsewhere.map((m) => ({
      label: ui.classify.trainedInCompare(m.title()),
      client: m.client,
      synthetic: m.synthetic,
    })),
  ];
}
