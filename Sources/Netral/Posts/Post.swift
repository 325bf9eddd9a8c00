import Foundation

/// One piece of social-media activity: a post, a comment, a share, a like, a
/// follow or a check-in, in the canonical shape every importer produces.
///
/// A like or a share usually has no words of its own: its signal is in
/// ``target``, the thing that was liked or shared, and rules read it there.
///
/// ```swift
/// let like = Post(id: "42", action: .like,
///                 target: .init(author: "@gibran_tweet", text: "Ayo coblos 02!"))
/// ```
public struct Post: Sendable, Hashable {
    /// The source's identifier for this record; carried into every result.
    public var id: String
    /// Where it was published.
    public var platform: Platform
    /// What the author did.
    public var action: Action
    /// The author's handle or name.
    public var author: String?
    /// The author's own words; empty for a bare like, share or follow.
    public var text: String
    /// What was liked, shared, followed, replied to or commented on.
    public var target: Target?
    /// Attached photos and videos, with whatever text describes them.
    public var media: [Media]
    /// Hashtags given apart from the text (hashtags written in the text are read there too).
    public var hashtags: [String]
    /// A place name or check-in.
    public var location: String?
    /// When it was published.
    public var createdAt: Date?
    /// The author's profile as it stood: display name and bio.
    public var profile: Profile?

    /// Creates a post; only `id` is required.
    public init(
        id: String, platform: Platform = .other, action: Action = .post, author: String? = nil,
        text: String = "", target: Target? = nil, media: [Media] = [], hashtags: [String] = [],
        location: String? = nil, createdAt: Date? = nil, profile: Profile? = nil
    ) {
        self.id = id
        self.platform = platform
        self.action = action
        self.author = author
        self.text = text
        self.target = target
        self.media = media
        self.hashtags = hashtags
        self.location = location
        self.createdAt = createdAt
        self.profile = profile
    }

    /// What was acted on: the liked, shared, followed or commented-on item.
    public struct Target: Sendable, Hashable {
        /// Its author's handle or name (for a follow, the account followed).
        public var author: String?
        /// Its text.
        public var text: String?
        /// Its address.
        public var url: String?
        /// Creates a target.
        public init(author: String? = nil, text: String? = nil, url: String? = nil) {
            self.author = author
            self.text = text
            self.url = url
        }
    }

    /// A photo or video and the text that describes it.
    public struct Media: Sendable, Hashable {
        /// The caption written for it.
        public var caption: String?
        /// Its alternative text.
        public var alt: String?
        /// Text read out of the image (OCR), when a pipeline supplies it.
        public var ocr: String?
        /// Creates a media item.
        public init(caption: String? = nil, alt: String? = nil, ocr: String? = nil) {
            self.caption = caption
            self.alt = alt
            self.ocr = ocr
        }
    }

    /// The author's profile.
    public struct Profile: Sendable, Hashable {
        /// Display name.
        public var name: String?
        /// Bio or description.
        public var bio: String?
        /// Creates a profile.
        public init(name: String? = nil, bio: String? = nil) {
            self.name = name
            self.bio = bio
        }
    }
}

/// Where a post was published.
public enum Platform: String, Sendable, Hashable, CaseIterable, Codable {
    case x, facebook, instagram, tiktok, youtube, whatsapp, other
}

/// What the author did.
public enum Action: String, Sendable, Hashable, CaseIterable, Codable {
    /// An original post, status or story.
    case post
    /// A comment on someone else's content.
    case comment
    /// A reply in a thread.
    case reply
    /// A share, repost, retweet or forward.
    case share
    /// A like or reaction.
    case like
    /// Following an account or joining a group.
    case follow
    /// A check-in at a place or event.
    case checkin
}
