// Draws ImGui's draw data with WebGL2. Replaces imgui_impl_opengl3, which saves and restores
// all GL state around every frame with ~25 glGet* calls: each is a synchronous round trip to
// the GPU process in a browser, and together they were most of a frame's main-thread time.
// The explorer owns its context, so there is no state to save.
#pragma once

struct ImDrawData;

namespace rx {

class WebGlRenderer {
  public:
    bool init();            // shaders, buffers; false if WebGL2 refuses
    void shutdown();        // deletes GL objects (harmless after a context loss)
    void uploadFontAtlas(); // (re)creates the font texture from ImGui's atlas
    // The glyphs the fonts lack, drawn by the page (src/ui/fallback_glyphs.h): RGBA pixels,
    // sampled where a glyph's u is >= 2. Kept for a context restore.
    void uploadFallbackGlyphs(const unsigned char* rgba, int width, int height);
    void render(const ImDrawData* drawData);
    // How many times a texture's pixels were set (init, atlas, fallback glyphs): a frame drawn
    // after a change differs even with the same draw data.
    unsigned textureUploads() const { return textureUploads_; }

  private:
    unsigned program_ = 0;
    unsigned vao_ = 0;
    unsigned vertexBuffer_ = 0;
    unsigned indexBuffer_ = 0;
    unsigned fontTexture_ = 0;
    unsigned fallbackTexture_ = 0;
    int projLocation_ = -1;
    int textureLocation_ = -1;
    int fallbackLocation_ = -1;
    unsigned textureUploads_ = 0;
};

} // namespace rx
