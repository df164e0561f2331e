/**
 * Sentence-final punctuation of Chinese and Latin text, optionally followed by
 * closing quotes or brackets: 。 ！ ？ ! ? … and then ” ’ 」 』 ） ) 》.
 */
const terminated = /[。！？!?…][”’」』）)》]*$/u;

/**
 * Whether a text ends a sentence. A line that does not was most likely cut by
 * a page or column break, and must be joined to the next one or explained.
 *
 * @example isTerminated("……为网络强国建设作出新贡献。") // true
 * @example isTerminated("以重大工程、重点任") // false
 * @example isTerminated("甘于拼搏奉献”") // false: a quote closes, the sentence goes on
 */
export function isTerminated(text: string): boolean {
  return terminated.test(text);
}
