// FactExtractor: splits a document into sentences and runs the grammars over each one.
//
// Per sentence: tokenize (tokens.h), match every gazetteer once (gazetteer.h), then run the
// stages in the order grammar.h gives. Across sentences the extractor remembers the officials it
// has seen (key -> name), so a later "Dosmambetov instructed ..." names its actor.
#include "extract/facts.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "extract/facts/grammar.h"
#include "extract/facts/number_words.h"
#include "nlp/sentences.h"
#include "pressmine_facts_data.h"

namespace pressmine::extract {

using facts::Cat;

std::string_view FactTypeName(FactType type) {
  switch (type) {
    case FactType::kDate:
      return "date";
    case FactType::kOfficial:
      return "official";
    case FactType::kFigure:
      return "figure";
    case FactType::kProgram:
      return "program";
    case FactType::kCommitment:
      return "commitment";
  }
  return "date";
}

std::optional<FactType> ParseFactType(std::string_view name) {
  for (FactType t : {FactType::kDate, FactType::kOfficial, FactType::kFigure, FactType::kProgram,
                     FactType::kCommitment}) {
    if (FactTypeName(t) == name) return t;
  }
  return std::nullopt;
}

struct FactExtractor::Impl {
  facts::Resources res;
  nlp::SentenceSplitter splitter;
  facts::Sentence sentence;  // reused buffers
  facts::DocumentPeople people;

  facts::PubDate ParsePub(std::string_view iso) const {
    facts::PubDate p;
    if (iso.size() >= 4) p.year = std::atoi(std::string(iso.substr(0, 4)).c_str());
    if (iso.size() >= 7) p.month = std::atoi(std::string(iso.substr(5, 2)).c_str());
    if (iso.size() >= 10) p.day = std::atoi(std::string(iso.substr(8, 2)).c_str());
    if (p.year < 1900 || p.month < 1 || p.month > 12) p = facts::PubDate{};
    return p;
  }

  void RunSentence(std::string_view text, size_t base, int index, Language doc_lang,
                   const facts::PubDate& pub, std::vector<Fact>* out) {
    facts::Sentence& s = sentence;
    s.text = text;
    s.base = base;
    s.index = index;
    s.lang = doc_lang == Language::kRussian || doc_lang == Language::kEnglish
                 ? doc_lang
                 : facts::GuessLanguage(text);
    facts::Tokenize(text, s.lang, &s.toks);
    facts::ReadNumberWords(res.number_words, &s.toks);
    s.matches.clear();
    s.markers.clear();
    std::vector<facts::Match> all;
    res.gazetteer.MatchAll(s.toks, &all);
    s.roles.assign(s.toks.size(), 0);
    for (const facts::Match& m : all) {
      if (m.entry->cat != Cat::kMarker) {
        s.matches.push_back(m);
        continue;
      }
      s.markers.push_back(m);
      if (m.end == m.begin + 1) s.roles[m.begin] |= facts::RoleFromId(m.entry->id);
    }
    s.used.assign(s.toks.size(), 0);
    s.dates.clear();
    s.figures.clear();
    s.officials.clear();
    s.programs.clear();
    facts::FindDateFacts(s, res, pub, out);
    facts::FindFigureFacts(s, out);
    facts::FindOfficialFacts(s, res, out);
    for (const facts::Span& o : s.officials) {
      const OfficialValue& v = (*out)[o.fact].official;
      if (v.key.empty()) continue;
      people.by_key[v.key] = v.name;
      people.last_name = v.name, people.last_key = v.key;
    }
    facts::FindProgramFacts(s, res, out);
    facts::FindCommitmentFacts(s, res, people, out);
  }
};

FactExtractor::FactExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FactExtractor::FactExtractor(FactExtractor&&) noexcept = default;
FactExtractor& FactExtractor::operator=(FactExtractor&&) noexcept = default;
FactExtractor::~FactExtractor() = default;

Result<FactExtractor> FactExtractor::Create() {
  PM_ASSIGN_OR_RETURN(nlp::SentenceSplitter splitter, nlp::SentenceSplitter::Create());
  PM_ASSIGN_OR_RETURN(nlp::NameKeyer keyer, nlp::NameKeyer::Create());
  PM_ASSIGN_OR_RETURN(nlp::Analyzer analyzer, nlp::Analyzer::Create());
  // The glossary alone: the Mueller dictionary would add a second of start-up and translations
  // too loose for keys.
  nlp::LexiconBuildOptions lexicon_options;
  lexicon_options.mueller_dir.clear();
  lexicon_options.harvest_phrases = false;
  PM_ASSIGN_OR_RETURN(nlp::Lexicon lexicon, nlp::BuildLexicon(lexicon_options));
  auto impl = std::unique_ptr<Impl>(new Impl{
      facts::Resources{
          {}, {}, {}, {}, {}, std::move(keyer), std::move(analyzer), std::move(lexicon), {}},
      std::move(splitter),
      {},
      {}});
  facts::Gazetteer& g = impl->res.gazetteer;
  const struct {
    facts::Gazetteer* into;
    Cat cat;
    std::string_view file;
  } kFiles[] = {
      {&g, Cat::kPosition, "facts/positions.tsv"},
      {&g, Cat::kOrg, "facts/orgs.tsv"},
      {&g, Cat::kUnit, "facts/units.tsv"},
      {&g, Cat::kScale, "facts/scales.tsv"},
      {&g, Cat::kIndicator, "facts/indicators.tsv"},
      {&g, Cat::kChange, "facts/changes.tsv"},
      {&g, Cat::kModality, "facts/modality.tsv"},
      {&g, Cat::kProgram, "facts/programs.tsv"},
      {&g, Cat::kMarker, "facts/markers.tsv"},
      // Apart: number words are read into tokens before the other gazetteers match.
      {&impl->res.number_words, Cat::kNumberWord, "facts/number_words.tsv"},
  };
  for (const auto& f : kFiles) {
    const std::string_view data = facts::data::CorporaFile(f.file);
    if (data.empty()) return Status::Internal(std::string(f.file) + ": not embedded");
    PM_RETURN_IF_ERROR(f.into->Load(f.cat, f.file, data));
  }
  // Oblique and genitive endings are read straight from markers.tsv: they are suffixes, not words.
  std::string_view markers = facts::data::CorporaFile("facts/markers.tsv");
  while (!markers.empty()) {
    const size_t nl = markers.find('\n');
    std::string_view line = markers.substr(0, nl);
    markers = nl == std::string_view::npos ? std::string_view() : markers.substr(nl + 1);
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos) continue;
    const std::string_view role = line.substr(0, tab1);
    std::string ending(line.substr(tab2 + 1));
    if (role == "oblique_ending") impl->res.oblique_endings.insert(std::move(ending));
    if (role == "genitive_ending") impl->res.genitive_endings.insert(std::move(ending));
    if (role == "verb_ending") impl->res.verb_endings.insert(std::move(ending));
  }
  return FactExtractor(std::move(impl));
}

Result<std::vector<Fact>> FactExtractor::Extract(std::string_view utf8_text,
                                                 const FactOptions& options) {
  PM_ASSIGN_OR_RETURN(std::vector<nlp::SentenceSpan> spans, impl_->splitter.Split(utf8_text));
  const facts::PubDate pub = impl_->ParsePub(options.published);
  impl_->people.Clear();
  std::vector<Fact> out;
  int index = 0;
  for (const nlp::SentenceSpan& sp : spans) {
    impl_->RunSentence(utf8_text.substr(sp.begin, sp.end - sp.begin), sp.begin, index++,
                       options.lang, pub, &out);
  }
  return out;
}

std::vector<Fact> FactExtractor::ExtractSentence(std::string_view utf8_sentence,
                                                 const FactOptions& options) {
  impl_->people.Clear();
  std::vector<Fact> out;
  impl_->RunSentence(utf8_sentence, 0, 0, options.lang, impl_->ParsePub(options.published), &out);
  return out;
}

std::string FactExtractor::OfficialKey(std::string_view name) {
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  const size_t sp = name.rfind(' ');
  return impl_->res.keyer.NameKey(sp == std::string_view::npos ? name : name.substr(sp + 1));
}

}  // namespace pressmine::extract

namespace pressmine::extract {

std::string FactExtractor::IndicatorId(std::string_view text) {
  // An id first: "maternal_mortality" tokenizes to words that name the broader "mortality".
  if (impl_->res.gazetteer.HasId(Cat::kIndicator, text)) return std::string(text);
  std::vector<facts::Tok> toks;
  facts::Tokenize(text, facts::GuessLanguage(text), &toks);
  // Read as RunSentence reads a sentence, so that a name the grammar matches matches here.
  facts::ReadNumberWords(impl_->res.number_words, &toks);
  std::vector<facts::Match> matches;
  impl_->res.gazetteer.MatchAll(toks, &matches);
  const facts::Match* best = nullptr;
  for (const facts::Match& m : matches) {
    if (m.entry->cat != Cat::kIndicator) continue;
    if (best == nullptr || m.end - m.begin > best->end - best->begin) best = &m;
  }
  return best != nullptr ? best->entry->id : std::string();
}

}  // namespace pressmine::extract
