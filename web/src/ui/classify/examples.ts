// Ready example reviews: each shows one thing about how the network reads (the words are common
// ones, inside even a 500-word vocabulary, so the trained model knows most of them).
export interface ExampleReview {
  id: 'positive' | 'negative' | 'mixed' | 'negation';
  text: string;
}

export const exampleReviews: ExampleReview[] = [
  {
    id: 'positive',
    text:
      'This is one of the best films I have ever seen. The acting is great, the story is beautiful and the music is wonderful. ' +
      'I loved every minute of it and I would recommend it to anyone.',
  },
  {
    id: 'negative',
    text:
      'This was the worst movie I have ever seen. The acting was terrible, the plot was stupid and the dialogue was awful. ' +
      'A complete waste of time, boring from start to end.',
  },
  {
    id: 'mixed',
    text:
      'The actors do a great job and some scenes are beautiful, but the story is slow and the ending is bad. ' +
      'Good music, poor script.',
  },
  {
    id: 'negation',
    text: 'I expected to hate this movie, but it was not bad at all. Not boring for a single minute, and the ending is not what you think.',
  },
];
