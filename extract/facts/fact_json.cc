// FactToJson: the CLI's JSON shape for one fact, written by hand (no JSON library in extract/).
#include <cmath>
#include <cstdio>
#include <string>

#include "extract/facts.h"

namespace pressmine::extract {
namespace {

void Escaped(std::string_view s, std::string* out) {
  out->push_back('"');
  for (const char c : s) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

struct Obj {
  std::string* out;
  bool first = true;
  void Key(std::string_view k) {
    if (!first) out->push_back(',');
    first = false;
    Escaped(k, out);
    out->push_back(':');
  }
  void Str(std::string_view k, std::string_view v, bool always = false) {
    if (v.empty() && !always) return;
    Key(k);
    Escaped(v, out);
  }
  void Num(std::string_view k, double v) {
    Key(k);
    *out += Number(v);
  }
};

}  // namespace

std::string FactToJson(const Fact& f, std::string_view doc) {
  std::string out = "{";
  Obj o{&out};
  o.Str("type", FactTypeName(f.type));
  o.Str("doc", doc, true);
  o.Str("lang", LanguageCode(f.lang));
  o.Str("text", f.text, true);
  o.Num("sentence", f.sentence);
  switch (f.type) {
    case FactType::kDate:
      o.Str("value", f.date.value);
      o.Str("end", f.date.end);
      if (f.date.relative) {
        o.Key("relative");
        out += "true";
      }
      break;
    case FactType::kOfficial:
      o.Str("name", f.official.name);
      o.Str("position", f.official.position);
      o.Str("org", f.official.org);
      o.Str("key", f.official.key);
      break;
    case FactType::kFigure:
      o.Num("value", f.figure.value);
      o.Str("unit", f.figure.unit);
      o.Str("indicator", f.figure.indicator);
      o.Str("period", f.figure.period);
      if (f.figure.change) {
        o.Key("change");
        out += "{";
        Obj c{&out};
        c.Num("value", f.figure.change->value);
        c.Str("unit", f.figure.change->unit);
        c.Str("direction", f.figure.change->direction);
        c.Str("base", f.figure.change->base);
        out += "}";
      }
      break;
    case FactType::kProgram:
      o.Str("name", f.program.name);
      o.Str("kind", f.program.kind);
      o.Str("period", f.program.period);
      o.Str("budget", f.program.budget);
      o.Str("responsible", f.program.responsible);
      o.Str("key", f.program.key);
      break;
    case FactType::kCommitment:
      o.Str("actor", f.commitment.actor);
      o.Str("action", f.commitment.action);
      o.Str("target", f.commitment.target);
      o.Str("modality", f.commitment.modality);
      break;
  }
  out += "}";
  return out;
}

}  // namespace pressmine::extract
