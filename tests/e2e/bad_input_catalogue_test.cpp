// Every file in tests/bad_inputs/, in a folder per reader, is a malformed
// input: scenario/, csv/ (a scenario and its project list) and policy/ are
// validated, sweep/ is expanded (`kpsim sweep --dry-run`), psplib/ holds
// PSPLIB instances (`kpsim psplib`; expectations follow the instance),
// calibration/ calibration files (`kpsim calibrate --dry-run`). Its
// comment lines
//   # expect: <a line kpsim must print on stderr>
//   # exit: <status>            (default 2)
// say what `kpsim validate` (for a sweep, `kpsim sweep --dry-run`) must
// report; every expected line names a location.
#include <gtest/gtest.h>

#include <cctype>

#include "support/run_kpsim.hpp"

namespace kpsim {
namespace {

const std::filesystem::path kCatalogue = KPSIM_SOURCE_DIR "/tests/bad_inputs";

// "folder/file" for every case.
std::vector<std::string> catalogue_files() {
  std::vector<std::string> files;
  for (const char* folder : {"scenario", "csv", "policy", "sweep", "psplib", "calibration"})
    for (const auto& e : std::filesystem::directory_iterator(kCatalogue / folder))
      if (e.path().extension() == ".yaml" || e.path().extension() == ".sm")
        files.push_back(std::string(folder) + "/" + e.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

struct Expectation {
  std::vector<std::string> lines;
  int status = 2;
  bool only = false;  // "# expect nothing else": no other error is printed
};

Expectation expectation_of(const std::string& text) {
  Expectation e;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# expect: ", 0) == 0) e.lines.push_back(line.substr(10));
    else if (line.rfind("# exit: ", 0) == 0) e.status = std::stoi(line.substr(8));
    else if (line == "# expect nothing else") e.only = true;
  }
  return e;
}

// "file:line:column: [key_path: ]message [E-XXX-123]" (a syntax error has no
// key path).
bool located(const std::string& line) {
  const auto file_end = line.find(':');
  if (file_end == 0 || file_end == std::string::npos) return false;
  std::size_t i = file_end + 1;
  for (int number = 0; number < 2; ++number) {
    const std::size_t digits = i;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    if (i == digits || i >= line.size() || line[i] != ':') return false;
    ++i;
  }
  if (line.compare(i, 1, " ") != 0) return false;
  const auto code = line.rfind(" [E-");
  if (code == std::string::npos || code <= i + 1 || line.back() != ']') return false;
  const std::string id = line.substr(code + 4, line.size() - code - 5);  // "XXX-123"
  const auto dash = id.find('-');
  if (dash == 0 || dash == std::string::npos || id.size() - dash - 1 != 3) return false;
  for (std::size_t k = 0; k < id.size(); ++k)
    if (k < dash ? !std::isupper(static_cast<unsigned char>(id[k])) : k > dash && !std::isdigit(static_cast<unsigned char>(id[k])))
      return false;
  return true;
}

TEST(Catalogue, TheLocatedFormIsRecognised) {
  EXPECT_TRUE(located("a.yaml:3:14: projects[0].template: unknown template 'x' [E-PRJ-007]"));
  EXPECT_TRUE(located("a.yaml:3:14: YAML syntax error [E-YAML-001]"));
  EXPECT_FALSE(located("a.yaml:3: no column [E-PRJ-007]"));
  EXPECT_FALSE(located("a.yaml:3:14: no code"));
  EXPECT_FALSE(located("a.yaml:3:14: bad code [E-prj-07]"));
}

class BadInput : public testing::TestWithParam<std::string> {};

TEST_P(BadInput, ReportsTheExpectedLocatedErrors) {
  const std::filesystem::path file = kCatalogue / GetParam();
  const Expectation want = expectation_of(test::read_file(file));
  ASSERT_FALSE(want.lines.empty()) << GetParam() << " says nothing it expects";
  const std::string folder = file.parent_path().filename().string();
  const std::string command = folder == "psplib"        ? "psplib '"
                              : folder == "sweep"       ? "sweep --dry-run '"
                              : folder == "calibration" ? "calibrate --dry-run '"
                                                        : "validate '";
  const auto r = test::run_kpsim(command + file.filename().string() + "'", file.parent_path());
  EXPECT_EQ(r.status, want.status) << r.err;
  // file:line:column, then the key path where there is one (a syntax error
  // has none), the message and the error's code.
  for (const std::string& line : want.lines) {
    EXPECT_TRUE(located(line)) << "not file:line:col: [key_path: ]message [code]: " << line;
    EXPECT_NE(r.err.find(line + "\n"), std::string::npos) << "missing: " << line << "\ngot:\n" << r.err;
  }
  if (want.only) {
    std::size_t errors = 0;
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) errors += located(line);
    EXPECT_EQ(errors, want.lines.size()) << "other errors printed:\n" << r.err;
  }
  EXPECT_TRUE(r.out.empty()) << r.out;
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, testing::ValuesIn(catalogue_files()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           const std::string file = info.param.substr(info.param.rfind('/') + 1);  // names are unique across folders
                           std::string name = file.substr(0, file.rfind('.'));
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace kpsim
