// JSON output for scripts (internal to tools/): RapidJSON's writer, one object per command,
// followed by a newline.
#ifndef PRESSMINE_TOOLS_JSON_WRITER_H_
#define PRESSMINE_TOOLS_JSON_WRITER_H_

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <string_view>

namespace pressmine::tools {

class JsonOut {
 public:
  JsonOut() : writer_(buffer_) {}
  rapidjson::Writer<rapidjson::StringBuffer>& w() { return writer_; }

  void Key(std::string_view k) { writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void String(std::string_view s) {
    writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  }
  // An empty string becomes null: "no date" is not a date.
  void StringOrNull(std::string_view s) {
    if (s.empty()) {
      writer_.Null();
    } else {
      String(s);
    }
  }

  // The document written so far (for the web API, which sends it rather than printing it).
  std::string_view str() const { return {buffer_.GetString(), buffer_.GetSize()}; }

  // Writes the document and a newline to stdout.
  void Print() {
    std::fwrite(buffer_.GetString(), 1, buffer_.GetSize(), stdout);
    std::fputc('\n', stdout);
  }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_JSON_WRITER_H_
