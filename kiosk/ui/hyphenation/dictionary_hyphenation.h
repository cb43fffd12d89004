#pragma once
// Hyphenation from Debian's dictionaries: libvoikko with voikko-fi for Finnish (it
// knows compounds and loan words, not just the syllable rule), libhyphen's patterns
// for Swedish and English. A dictionary is opened the first time a word of its
// language must break, so a kiosk that never breaks a word never loads one.
#include <map>
#include <memory>
#include <string>
#include <unordered_map>

#include "ui/layout/hyphenation.h"

struct VoikkoHandle;
struct _HyphenDict;

namespace olohuone::ui {

struct DictionaryPaths {
    // libhyphen pattern files by language; Finnish comes from libvoikko's own search.
    std::map<std::string, std::string, std::less<>> patterns = {
        {"sv", "/usr/share/hyphen/hyph_sv_FI.dic"},
        {"en", "/usr/share/hyphen/hyph_en_US.dic"},
    };
};

class DictionaryHyphenation final : public Hyphenation {
public:
    explicit DictionaryHyphenation(DictionaryPaths paths = {});
    ~DictionaryHyphenation() override;

    std::vector<std::size_t> break_points(std::string_view word, std::string_view language) override;

private:
    struct Voikko;
    struct Patterns;
    // Opens the language's dictionary once; false (and one log line) when it is missing.
    bool open(const std::string& language);
    std::vector<std::size_t> ask(std::string_view letters, const std::string& language);

    DictionaryPaths m_paths;
    std::unique_ptr<Voikko> m_voikko;
    std::map<std::string, std::unique_ptr<Patterns>, std::less<>> m_patterns;
    std::map<std::string, bool, std::less<>> m_opened; // language → found
    // A layout asks about the same few long words on every frame.
    std::unordered_map<std::string, std::vector<std::size_t>> m_answers;
};

} // namespace olohuone::ui
