/* C inputs go through the clang binary (as the issue asks; libclang has no stable C API
 * for code generation). Output and diagnostics go to temporary files, read back after
 * clang exits, so neither pipe can fill up and stall it. */
#include "ir/ir.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#ifndef HJ_LLVM_MAJOR
#define HJ_LLVM_MAJOR "0"
#endif

/* HOTJIT_CLANG, else clang-MAJOR of the LLVM hotjit links (its bitcode is readable),
 * else clang. */
static const char *clang_binary(char *buf, size_t size)
{
    const char *env = getenv("HOTJIT_CLANG");
    if (env && *env)
        return env;
    snprintf(buf, size, "/usr/bin/clang-%s", HJ_LLVM_MAJOR); /* the LLVM hotjit was built with */
    return access(buf, X_OK) == 0 ? buf : "clang";
}

static int temp_file(char *path, size_t size)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/hotjit-cc-XXXXXX", dir && *dir ? dir : "/tmp");
    return mkstemp(path);
}

static bool read_fd(int fd, void **data, size_t *size)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || lseek(fd, 0, SEEK_SET) != 0)
        return false;
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = 0;
    while (buf && n < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + n, (size_t)st.st_size - n);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    if (!buf || n != (size_t)st.st_size) {
        free(buf);
        return false;
    }
    buf[n] = '\0';
    *data = buf;
    *size = n;
    return true;
}

static size_t build_argv(const char **argv, const char *clang, const char *path,
                         const hj_ir_options *opts, bool preprocess_only, char *level)
{
    size_t n = 0;
    argv[n++] = clang;
    argv[n++] = "-x";
    argv[n++] = "c";
    if (preprocess_only) {
        argv[n++] = "-E";
    } else {
        hj_opt_level l = opts ? opts->opt_level : HJ_OPT_DEFAULT;
        int lv = l == HJ_OPT_DEFAULT || l > HJ_OPT_O3 ? 2 : (int)l - 1;
        snprintf(level, 8, "-O%d", lv);
        argv[n++] = "-c";
        argv[n++] = "-emit-llvm";
        argv[n++] = "-fPIC";
        argv[n++] = level;
        if (lv > 0) { /* unoptimised IR without optnone: hotjit's pipeline optimises */
            argv[n++] = "-Xclang";
            argv[n++] = "-disable-llvm-passes";
        }
    }
    for (size_t i = 0; opts && i < opts->ncc_args; i++)
        argv[n++] = opts->cc_args[i];
    argv[n++] = "-o";
    argv[n++] = "-";
    argv[n++] = path;
    argv[n] = NULL;
    return n;
}

static hj_status spawn_clang(const char **argv, int out_fd, int err_fd, int *status, hj_err *err)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &actions, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return hj_fail(err, HJ_ERR_IO, "cannot run %s: %s (install clang, or set HOTJIT_CLANG)",
                       argv[0], strerror(rc));
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    return HJ_OK;
}

hj_status hj_cc_run(const char *path, const hj_ir_options *opts, bool preprocess_only,
                    void **out, size_t *out_size, hj_err *err)
{
    char clang_buf[64], out_path[4096], err_path[4096], level[8];
    const char *argv[32 + (opts ? opts->ncc_args : 0)];
    build_argv(argv, clang_binary(clang_buf, sizeof clang_buf), path, opts, preprocess_only, level);
    int out_fd = temp_file(out_path, sizeof out_path), err_fd = temp_file(err_path, sizeof err_path);
    hj_status st = out_fd < 0 || err_fd < 0
                       ? hj_fail(err, HJ_ERR_IO, "cannot create a temporary file: %s", strerror(errno))
                       : HJ_OK;
    int status = 0;
    if (st == HJ_OK)
        st = spawn_clang(argv, out_fd, err_fd, &status, err);
    void *diag = NULL;
    size_t diag_size = 0;
    if (st == HJ_OK && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        read_fd(err_fd, &diag, &diag_size);
        st = hj_fail(err, HJ_ERR_FORMAT, "%s: clang failed:\n%s", path, diag ? (char *)diag : "");
    } else if (st == HJ_OK && !read_fd(out_fd, out, out_size)) {
        st = hj_fail(err, HJ_ERR_IO, "%s: cannot read clang's output", path);
    }
    free(diag);
    for (int i = 0; i < 2; i++) {
        int fd = i ? err_fd : out_fd;
        if (fd >= 0) {
            close(fd);
            unlink(i ? err_path : out_path);
        }
    }
    return st;
}
