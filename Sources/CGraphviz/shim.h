#ifndef DOCGEN_CGRAPHVIZ_SHIM_H
#define DOCGEN_CGRAPHVIZ_SHIM_H

#include <gvc.h>

/// Lays out a DOT graph with the `dot` engine and renders it as SVG; returns 0 on success. On success `*out` holds
/// the SVG (free it with `gvFreeRenderData`) and `*length` its size in bytes.
static inline int docgen_graphviz_render_svg(GVC_t *context, const char *dot, char **out, unsigned int *length) {
    // Graphviz would print its own errors ("Layout type: "dot" not recognized") to stderr; docgen words them.
    agseterr(AGMAX);
    Agraph_t *graph = agmemread(dot);
    if (graph == NULL) {
        return 1;
    }
    if (gvLayout(context, graph, "dot") != 0) {
        agclose(graph);
        return 2;
    }
    int status = gvRenderData(context, graph, "svg", out, length);
    gvFreeLayout(context, graph);
    agclose(graph);
    return status == 0 ? 0 : 3;
}

#endif
