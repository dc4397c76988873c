#include "security/key_file.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace meldpunt {
namespace {

Result<Key> ReadKey(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{"cannot open key file " + path + ": " + std::strerror(errno)};
  struct stat st {};
  ::fstat(fd, &st);
  char hex[65] = {};
  ssize_t n = ::read(fd, hex, 64);
  ::close(fd);
  if ((st.st_mode & 077) != 0) {
    return Error{"key file " + path + " is readable by others; run: chmod 600 " + path};
  }
  Key key{};
  size_t written = 0;
  if (n != 64 || sodium_hex2bin(key.data(), key.size(), hex, 64, nullptr, &written, nullptr) != 0 ||
      written != key.size()) {
    return Error{"key file " + path + " does not hold a 64-digit hex key"};
  }
  return key;
}

}  // namespace

Result<Key> LoadOrCreateKeyFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return ReadKey(path);
    return Error{"cannot create key file " + path + ": " + std::strerror(errno)};
  }
  Key key;
  randombytes_buf(key.data(), key.size());
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
  std::string line = std::string(hex) + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    return Error{"cannot write key file " + path};
  }
  return key;
}

}  // namespace meldpunt
