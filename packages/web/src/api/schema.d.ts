// Generated from /api/openapi.json by `npm run gen:api`; do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database engine */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                            database: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/console/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Console settings of this installation (map tiles); public, since the transparency page uses them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Tile URL template; null: plain offline background. */
                            mapTileUrl: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets an HttpOnly session cookie and returns the CSRF token to send on changes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        password: string;
                        /** @description One-time code; required for roles that view images. */
                        totp?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                username: string;
                                displayName: string;
                                roles: string[];
                                /** @enum {unknown} */
                                via: "session" | "token";
                            };
                            csrfToken: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in caller */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            username: string;
                            displayName: string;
                            roles: string[];
                            /** @enum {unknown} */
                            via: "session" | "token";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cameras */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream. */
                            sourceUrl: string;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            /** @description Direction the camera faces, degrees from north. */
                            heading: number;
                            /** @description Horizontal field of view in degrees. */
                            fieldOfView: number;
                            zones: {
                                id: string;
                                name: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            masks: {
                                id: string;
                                label?: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            lines: {
                                id: string;
                                name: string;
                                a: {
                                    x: number;
                                    y: number;
                                };
                                b: {
                                    x: number;
                                    y: number;
                                };
                            }[];
                            /** @description Days recordings are kept (legal maximum 30). */
                            retentionDays: number;
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping")[];
                            enabled: boolean;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Register a camera */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream. */
                        sourceUrl: string;
                        location: {
                            lat: number;
                            lon: number;
                        };
                        /** @description Direction the camera faces, degrees from north. */
                        heading?: number;
                        /** @description Horizontal field of view in degrees. */
                        fieldOfView?: number;
                        zones?: {
                            id: string;
                            name: string;
                            /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                            polygon: {
                                x: number;
                                y: number;
                            }[];
                        }[];
                        masks?: {
                            id: string;
                            label?: string;
                            /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                            polygon: {
                                x: number;
                                y: number;
                            }[];
                        }[];
                        lines?: {
                            id: string;
                            name: string;
                            a: {
                                x: number;
                                y: number;
                            };
                            b: {
                                x: number;
                                y: number;
                            };
                        }[];
                        /** @description Days recordings are kept (legal maximum 30). */
                        retentionDays?: number;
                        purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping")[];
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream. */
                            sourceUrl: string;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            /** @description Direction the camera faces, degrees from north. */
                            heading: number;
                            /** @description Horizontal field of view in degrees. */
                            fieldOfView: number;
                            zones: {
                                id: string;
                                name: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            masks: {
                                id: string;
                                label?: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            lines: {
                                id: string;
                                name: string;
                                a: {
                                    x: number;
                                    y: number;
                                };
                                b: {
                                    x: number;
                                    y: number;
                                };
                            }[];
                            /** @description Days recordings are kept (legal maximum 30). */
                            retentionDays: number;
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping")[];
                            enabled: boolean;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one camera */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream. */
                            sourceUrl: string;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            /** @description Direction the camera faces, degrees from north. */
                            heading: number;
                            /** @description Horizontal field of view in degrees. */
                            fieldOfView: number;
                            zones: {
                                id: string;
                                name: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            masks: {
                                id: string;
                                label?: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            lines: {
                                id: string;
                                name: string;
                                a: {
                                    x: number;
                                    y: number;
                                };
                                b: {
                                    x: number;
                                    y: number;
                                };
                            }[];
                            /** @description Days recordings are kept (legal maximum 30). */
                            retentionDays: number;
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping")[];
                            enabled: boolean;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a camera */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a camera */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Camera version the change is based on; 409 if it moved on. */
                    "if-match"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream. */
                        sourceUrl?: string;
                        location?: {
                            lat: number;
                            lon: number;
                        };
                        /** @description Direction the camera faces, degrees from north. */
                        heading?: number;
                        /** @description Horizontal field of view in degrees. */
                        fieldOfView?: number;
                        zones?: {
                            id: string;
                            name: string;
                            /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                            polygon: {
                                x: number;
                                y: number;
                            }[];
                        }[];
                        masks?: {
                            id: string;
                            label?: string;
                            /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                            polygon: {
                                x: number;
                                y: number;
                            }[];
                        }[];
                        lines?: {
                            id: string;
                            name: string;
                            a: {
                                x: number;
                                y: number;
                            };
                            b: {
                                x: number;
                                y: number;
                            };
                        }[];
                        /** @description Days recordings are kept (legal maximum 30). */
                        retentionDays?: number;
                        purposes?: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping")[];
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) or file:// URL of the stream. */
                            sourceUrl: string;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            /** @description Direction the camera faces, degrees from north. */
                            heading: number;
                            /** @description Horizontal field of view in degrees. */
                            fieldOfView: number;
                            zones: {
                                id: string;
                                name: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            masks: {
                                id: string;
                                label?: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            lines: {
                                id: string;
                                name: string;
                                a: {
                                    x: number;
                                    y: number;
                                };
                                b: {
                                    x: number;
                                    y: number;
                                };
                            }[];
                            /** @description Days recordings are kept (legal maximum 30). */
                            retentionDays: number;
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping")[];
                            enabled: boolean;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit entries, newest first */
        get: {
            parameters: {
                query?: {
                    cameraId?: string;
                    action?: "auth.login" | "auth.login_failed" | "auth.logout" | "auth.locked" | "access.denied" | "camera.created" | "camera.updated" | "camera.deleted" | "user.created" | "user.roles_changed" | "user.cameras_assigned" | "token.created" | "live.started" | "live.stopped" | "playback.viewed" | "export.created" | "recording.purged" | "setting.changed";
                    /** @description At most 1000; default 200. */
                    limit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seq: number;
                            at: string;
                            action: string;
                            actorId?: string;
                            actorName: string;
                            cameraId?: string;
                            rangeStart?: string;
                            rangeEnd?: string;
                            reason?: string;
                            source?: string;
                            details?: {
                                [key: string]: unknown;
                            };
                            prevHash: string;
                            hash: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain: any modified, inserted or deleted entry is reported */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            valid: boolean;
                            entries: number;
                            breaks: {
                                seq: number;
                                problem: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List accounts with their roles and assigned cameras */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("operator" | "supervisor" | "dpo" | "admin" | "public")[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Cameras assigned to this account; an operator sees only these. */
                            cameraIds: string[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create an account; for roles that view images, returns its one-time-code key once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        username: string;
                        displayName: string;
                        roles: ("operator" | "supervisor" | "dpo" | "admin" | "public")[];
                        /** @description At least 12 characters. */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                username: string;
                                displayName: string;
                                roles: ("operator" | "supervisor" | "dpo" | "admin" | "public")[];
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Cameras assigned to this account; an operator sees only these. */
                                cameraIds: string[];
                            };
                            totp?: {
                                /** @description Base32 key for the authenticator app; shown this once only. */
                                secret: string;
                                /** @description otpauth:// URI of the same key. */
                                uri: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/cameras": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set exactly which cameras an account is assigned (an operator sees only these) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cameraIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            username: string;
                            displayName: string;
                            roles: ("operator" | "supervisor" | "dpo" | "admin" | "public")[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Cameras assigned to this account; an operator sees only these. */
                            cameraIds: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                hint: string;
                                details: {
                                    path: string;
                                    reason: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
