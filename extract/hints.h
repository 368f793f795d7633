// Page-furniture knowledge (internal to extract/): what class/id words, short paragraphs and
// words before a date say about a block. The words are data in corpora/extract/*.tsv, compiled
// in; this file only matches them. All functions are thread-safe (tables are built once).
#ifndef PRESSMINE_EXTRACT_HINTS_H_
#define PRESSMINE_EXTRACT_HINTS_H_

#include <string_view>

namespace pressmine::extract {

// What class and id attributes say about an element (corpora/extract/class_hints.tsv).
struct ClassHints {
  int weight = 0;            // +25 per attribute with a positive word, -25 per negative one
  bool unlikely = false;     // an "unlikely" word and no positive word: drop before scoring
  bool boilerplate = false;  // a "boilerplate" word and no positive one: drop always
};
ClassHints ClassifyAttributes(std::string_view class_attr, std::string_view id_attr);

enum class PhraseKind {
  kNone,
  kShareBar,   // "VK X OK WhatsApp Telegram"
  kRelated,    // "Читайте также:", "Read also" — what follows is not the article
  kFurniture,  // "Поделиться", "Print version"
};
// Classifies a whole paragraph (corpora/extract/boilerplate_phrases.tsv).
PhraseKind ClassifyParagraph(std::string_view utf8_paragraph);

enum class DateCue { kNone, kModified, kPublished };
// The cue that ends `utf8_before` (the text just before a date), if any
// (corpora/extract/date_cues.tsv).
DateCue CueBefore(std::string_view utf8_before);

// True when the text opens with a date cue ("Published ...", "Обновлено: ...").
bool StartsWithDateCue(std::string_view utf8_text);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_HINTS_H_
