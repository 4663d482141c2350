#ifndef DOCGEN_CCURL_SHIM_H
#define DOCGEN_CCURL_SHIM_H

#include <curl/curl.h>

// Swift cannot call C variadic functions; curl_easy_setopt and curl_easy_getinfo are variadic.
// Each wrapper below fixes one argument type so Swift sees a plain, typed C function.

typedef size_t (*docgen_curl_write_callback)(char *data, size_t size, size_t nmemb, void *userdata);
typedef int (*docgen_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                             curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode docgen_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docgen_curl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docgen_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docgen_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docgen_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docgen_curl_setopt_write_function(CURL *handle, CURLoption option,
                                                         docgen_curl_write_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode docgen_curl_setopt_xferinfo_function(CURL *handle, docgen_curl_xferinfo_callback value) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, value);
}

static inline CURLcode docgen_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docgen_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLSHcode docgen_curl_share_setopt_long(CURLSH *share, CURLSHoption option, long value) {
    return curl_share_setopt(share, option, value);
}

static inline CURLMcode docgen_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

// Macros that Swift cannot import (they expand to expressions), exposed as typed functions.

/// CURL_WRITEFUNC_PAUSE: returned from a write callback to pause receiving; libcurl delivers the same data again
/// after the transfer is unpaused.
static inline size_t docgen_curl_writefunc_pause(void) {
    return CURL_WRITEFUNC_PAUSE;
}

/// Resumes a paused transfer in both directions (CURLPAUSE_CONT).
static inline CURLcode docgen_curl_easy_unpause(CURL *handle) {
    return curl_easy_pause(handle, CURLPAUSE_CONT);
}

/// curl_global_init(CURL_GLOBAL_DEFAULT).
static inline CURLcode docgen_curl_global_init_default(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

/// The CURLcode of a finished transfer from a CURLMSG_DONE message.
static inline CURLcode docgen_curl_msg_result(const CURLMsg *message) {
    return message->data.result;
}

/// curl_version_info(CURLVERSION_NOW).
static inline curl_version_info_data *docgen_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

#endif
