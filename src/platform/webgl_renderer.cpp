#include "webgl_renderer.h"

#include <imgui.h>

#include <GLES3/gl3.h>
#include <cstddef>
#include <cstdio>
#include <cstring>

namespace rx {
namespace {

const char* kVertexShader = R"(#version 300 es
uniform mat4 ProjMtx;
in vec2 Position;
in vec2 UV;
in vec4 Color;
out highp vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = ProjMtx * vec4(Position.xy, 0.0, 1.0);
})";

// The atlas is a single-channel (alpha) texture: a quarter of RGBA's upload at DPR 3. Glyphs the
// fonts lack come from a second, RGBA texture (colour emoji keep their colours; monochrome ones are
// white and take the text colour): their u is offset by 2, v is in units of its width.
// UVs are highp: a phone's mediump (fp16) cannot address single texels of a 2048 px texture.
const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;
uniform sampler2D Fallback;
in highp vec2 Frag_UV;
in vec4 Frag_Color;
out vec4 Out_Color;
void main() {
    if (Frag_UV.x >= 2.0) {
        highp vec2 size = vec2(textureSize(Fallback, 0));
        Out_Color = Frag_Color * texture(Fallback, vec2(Frag_UV.x - 2.0, Frag_UV.y * size.x / size.y));
    } else {
        Out_Color = vec4(Frag_Color.rgb, Frag_Color.a * texture(Texture, Frag_UV).r);
    }
})";

// Each status query is a synchronous round trip to the GPU process (15-100 ms while it is busy
// presenting the page), so only the link status is asked; the shaders' logs only on failure.
unsigned compile(unsigned type, const char* source) {
    const unsigned shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

void reportCompileFailure(unsigned shader) {
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return;
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "explorer: shader compile failed: %s\n", log);
}

// GL takes offsets into the bound buffer as pointers.
const void* bufferOffset(size_t bytes) {
    return reinterpret_cast<const void*>(bytes); // NOLINT(performance-no-int-to-ptr)
}

} // namespace

bool WebGlRenderer::init() {
    const unsigned vs = compile(GL_VERTEX_SHADER, kVertexShader);
    const unsigned fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vs);
    glAttachShader(program_, fs);
    glBindAttribLocation(program_, 0, "Position");
    glBindAttribLocation(program_, 1, "UV");
    glBindAttribLocation(program_, 2, "Color");
    glLinkProgram(program_);
    GLint linked = 0;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (!linked) {
        reportCompileFailure(vs);
        reportCompileFailure(fs);
    }
    glDeleteShader(vs);
    glDeleteShader(fs);
    if (!linked) return false;
    projLocation_ = glGetUniformLocation(program_, "ProjMtx");
    textureLocation_ = glGetUniformLocation(program_, "Texture");
    fallbackLocation_ = glGetUniformLocation(program_, "Fallback");

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertexBuffer_);
    glGenBuffers(1, &indexBuffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          bufferOffset(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, bufferOffset(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          bufferOffset(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "rx_webgl2";
    return true;
}

void WebGlRenderer::shutdown() {
    if (fontTexture_) glDeleteTextures(1, &fontTexture_);
    if (fallbackTexture_) glDeleteTextures(1, &fallbackTexture_);
    if (vertexBuffer_) glDeleteBuffers(1, &vertexBuffer_);
    if (indexBuffer_) glDeleteBuffers(1, &indexBuffer_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
    fontTexture_ = fallbackTexture_ = vertexBuffer_ = indexBuffer_ = vao_ = program_ = 0;
}

void WebGlRenderer::uploadFontAtlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (fontTexture_) glDeleteTextures(1, &fontTexture_);
    glGenTextures(1, &fontTexture_);
    glBindTexture(GL_TEXTURE_2D, fontTexture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    ++textureUploads_;
    // The CPU copy stays: a WebGL context restore uploads it again without a rebuild.
    // ImGui carries the GL texture name in its pointer-typed ImTextureID.
    // NOLINTNEXTLINE(performance-no-int-to-ptr)
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(fontTexture_)));
}

void WebGlRenderer::uploadFallbackGlyphs(const unsigned char* rgba, int width, int height) {
    if (width <= 0 || height <= 0 || !rgba) return;
    if (!fallbackTexture_) glGenTextures(1, &fallbackTexture_);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, fallbackTexture_);
    // Drawn at the atlas's pixel size, texel for pixel: NEAREST would do, LINEAR keeps scaled
    // faces (small, heading) smooth.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    ++textureUploads_;
    glActiveTexture(GL_TEXTURE0);
}

void WebGlRenderer::render(const ImDrawData* dd) {
    const int fbWidth = static_cast<int>(dd->DisplaySize.x * dd->FramebufferScale.x);
    const int fbHeight = static_cast<int>(dd->DisplaySize.y * dd->FramebufferScale.y);
    if (fbWidth <= 0 || fbHeight <= 0 || !program_) return;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fbWidth, fbHeight);

    const float l = dd->DisplayPos.x, r = dd->DisplayPos.x + dd->DisplaySize.x;
    const float t = dd->DisplayPos.y, b = dd->DisplayPos.y + dd->DisplaySize.y;
    const float ortho[4][4] = {
        {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
        {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
        {0.0f, 0.0f, -1.0f, 0.0f},
        {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
    };
    glUseProgram(program_);
    glUniform1i(textureLocation_, 0);
    glUniform1i(fallbackLocation_, 1);
    if (fallbackTexture_) {
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, fallbackTexture_);
    }
    glUniformMatrix4fv(projLocation_, 1, GL_FALSE, &ortho[0][0]);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);

    const ImVec2 clipOff = dd->DisplayPos;
    const ImVec2 clipScale = dd->FramebufferScale;
    const GLenum indexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    unsigned boundTexture = 0;
    // Consecutive commands mostly share a clip rect: each GL call is a trip through JS.
    int scissor[4] = {-1, -1, -1, -1};
    for (int n = 0; n < dd->CmdListsCount; ++n) {
        const ImDrawList* list = dd->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                    cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clipOff.x) * clipScale.x;
            const float y0 = (cmd.ClipRect.y - clipOff.y) * clipScale.y;
            const float x1 = (cmd.ClipRect.z - clipOff.x) * clipScale.x;
            const float y1 = (cmd.ClipRect.w - clipOff.y) * clipScale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            const int rect[4] = {static_cast<int>(x0), static_cast<int>(fbHeight - y1),
                                 static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)};
            if (std::memcmp(rect, scissor, sizeof rect) != 0) {
                glScissor(rect[0], rect[1], rect[2], rect[3]);
                std::memcpy(scissor, rect, sizeof rect);
            }
            const auto texture = static_cast<unsigned>(reinterpret_cast<intptr_t>(cmd.GetTexID()));
            if (texture != boundTexture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                boundTexture = texture;
            }
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), indexType,
                           bufferOffset(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

} // namespace rx
