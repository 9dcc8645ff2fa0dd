// Generated from /api/openapi.json by `npm run gen:api`; do not edit.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health: ok, or degraded (503) while the database is unreachable (Vigie reconnects by itself) */
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
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "degraded";
                            database: string;
                            reason: string;
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
        /** Console settings of this installation (map tiles, legal profile); public, since the transparency page uses them */
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
                            /** @description The rules this installation runs under, so that the console never copies them. */
                            legalProfile: {
                                id: string;
                                title: {
                                    fr: string;
                                    en: string;
                                };
                                purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                                maxRetentionDays: number;
                                defaultRetentionDays: number;
                                timeZone: string;
                                /** @description Purpose → analytic table: which declared purposes allow each analytic. */
                                analytics: {
                                    abandoned_object: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    object_removed: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    people_count: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    crowd_density: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    crowd_movement: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    rapid_movement: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    person_on_ground: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    intrusion: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    wrong_way: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    fire_smoke: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                    camera_tamper: {
                                        justifiedBy: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[] | "any";
                                        basis: string;
                                    };
                                };
                                authorisationMaxYears: number;
                                renewalNoticeMonths: number;
                                accessRequestDeadlineMonths: number;
                                accessRequestExtensionMonths: number;
                                accessRequestReminderDays: number;
                            };
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
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                            sourceUrl: string;
                            /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                            subStreamUrl?: string;
                            /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                            site?: string;
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
                                /**
                                 * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                                 * @enum {unknown}
                                 */
                                kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                                direction?: {
                                    x: number;
                                    y: number;
                                };
                                schedule?: {
                                    /** @description 0 = Sunday … 6 = Saturday. */
                                    days: number[];
                                    start: number;
                                    end: number;
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
                                /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                                liftable?: boolean;
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
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                            enabled: boolean;
                            /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                            analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                            masksOnCamera?: boolean;
                            /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                            ruleSettings?: {
                                abandoned_object?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds an object must stay still and unattended. */
                                        abandonedAfterS?: number;
                                        /** @description A person closer than this attends the object. */
                                        attendedWithinM?: number;
                                    };
                                };
                                object_removed?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description An object must have been still this long before its removal is reported. */
                                        removedAfterStaticS?: number;
                                    };
                                };
                                people_count?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds between people_count reports. */
                                        countPeriodS?: number;
                                    };
                                };
                                crowd_density?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Persons per square metre that raise crowd_density. */
                                        crowdDensityPerM2?: number;
                                    };
                                };
                                crowd_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fewest tracked persons for crowd_movement. */
                                        crowdMinPersons?: number;
                                        /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                        crowdDivergencePerS?: number;
                                    };
                                };
                                rapid_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Speed above which a person is running. */
                                        runningSpeedMps?: number;
                                        /** @description Seconds the speed must hold. */
                                        runningMinS?: number;
                                    };
                                };
                                person_on_ground?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Box width/height above which a person is lying. */
                                        onGroundAspect?: number;
                                        /** @description Seconds lying and still before person_on_ground. */
                                        onGroundAfterS?: number;
                                    };
                                };
                                intrusion?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: Record<string, never>;
                                };
                                wrong_way?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Slowest motion judged for wrong_way. */
                                        wrongWayMinSpeedMps?: number;
                                        /** @description Seconds of motion against the allowed direction. */
                                        wrongWayMinS?: number;
                                    };
                                };
                                fire_smoke?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fraction of the frame that must be flickering flame-coloured. */
                                        fireMinFraction?: number;
                                    };
                                };
                                camera_tamper?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds a covered/defocused/moved view must last. */
                                        tamperAfterS?: number;
                                    };
                                };
                            };
                            /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                            calibration?: {
                                image: {
                                    x: number;
                                    y: number;
                                }[];
                                ground: {
                                    x: number;
                                    y: number;
                                }[];
                            } | null;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Prefectoral authorisation, from the legal registry; read-only. */
                            authorisation: {
                                /** @enum {unknown} */
                                state: "valid" | "renewal_due" | "expired" | "missing";
                                /** Format: date-time */
                                expiresAt: string | null;
                            };
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
                        /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                        sourceUrl: string;
                        /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                        subStreamUrl?: string;
                        /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                        site?: string;
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
                            /**
                             * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                             * @enum {unknown}
                             */
                            kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                            direction?: {
                                x: number;
                                y: number;
                            };
                            schedule?: {
                                /** @description 0 = Sunday … 6 = Saturday. */
                                days: number[];
                                start: number;
                                end: number;
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
                            /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                            liftable?: boolean;
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
                        purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                        enabled?: boolean;
                        /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                        analytics?: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                        /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                        masksOnCamera?: boolean;
                        /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                        ruleSettings?: {
                            abandoned_object?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds an object must stay still and unattended. */
                                    abandonedAfterS?: number;
                                    /** @description A person closer than this attends the object. */
                                    attendedWithinM?: number;
                                };
                            };
                            object_removed?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description An object must have been still this long before its removal is reported. */
                                    removedAfterStaticS?: number;
                                };
                            };
                            people_count?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds between people_count reports. */
                                    countPeriodS?: number;
                                };
                            };
                            crowd_density?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Persons per square metre that raise crowd_density. */
                                    crowdDensityPerM2?: number;
                                };
                            };
                            crowd_movement?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Fewest tracked persons for crowd_movement. */
                                    crowdMinPersons?: number;
                                    /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                    crowdDivergencePerS?: number;
                                };
                            };
                            rapid_movement?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Speed above which a person is running. */
                                    runningSpeedMps?: number;
                                    /** @description Seconds the speed must hold. */
                                    runningMinS?: number;
                                };
                            };
                            person_on_ground?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Box width/height above which a person is lying. */
                                    onGroundAspect?: number;
                                    /** @description Seconds lying and still before person_on_ground. */
                                    onGroundAfterS?: number;
                                };
                            };
                            intrusion?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: Record<string, never>;
                            };
                            wrong_way?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Slowest motion judged for wrong_way. */
                                    wrongWayMinSpeedMps?: number;
                                    /** @description Seconds of motion against the allowed direction. */
                                    wrongWayMinS?: number;
                                };
                            };
                            fire_smoke?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Fraction of the frame that must be flickering flame-coloured. */
                                    fireMinFraction?: number;
                                };
                            };
                            camera_tamper?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds a covered/defocused/moved view must last. */
                                    tamperAfterS?: number;
                                };
                            };
                        };
                        /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                        calibration?: {
                            image: {
                                x: number;
                                y: number;
                            }[];
                            ground: {
                                x: number;
                                y: number;
                            }[];
                        } | null;
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
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                            sourceUrl: string;
                            /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                            subStreamUrl?: string;
                            /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                            site?: string;
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
                                /**
                                 * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                                 * @enum {unknown}
                                 */
                                kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                                direction?: {
                                    x: number;
                                    y: number;
                                };
                                schedule?: {
                                    /** @description 0 = Sunday … 6 = Saturday. */
                                    days: number[];
                                    start: number;
                                    end: number;
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
                                /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                                liftable?: boolean;
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
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                            enabled: boolean;
                            /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                            analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                            masksOnCamera?: boolean;
                            /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                            ruleSettings?: {
                                abandoned_object?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds an object must stay still and unattended. */
                                        abandonedAfterS?: number;
                                        /** @description A person closer than this attends the object. */
                                        attendedWithinM?: number;
                                    };
                                };
                                object_removed?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description An object must have been still this long before its removal is reported. */
                                        removedAfterStaticS?: number;
                                    };
                                };
                                people_count?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds between people_count reports. */
                                        countPeriodS?: number;
                                    };
                                };
                                crowd_density?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Persons per square metre that raise crowd_density. */
                                        crowdDensityPerM2?: number;
                                    };
                                };
                                crowd_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fewest tracked persons for crowd_movement. */
                                        crowdMinPersons?: number;
                                        /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                        crowdDivergencePerS?: number;
                                    };
                                };
                                rapid_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Speed above which a person is running. */
                                        runningSpeedMps?: number;
                                        /** @description Seconds the speed must hold. */
                                        runningMinS?: number;
                                    };
                                };
                                person_on_ground?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Box width/height above which a person is lying. */
                                        onGroundAspect?: number;
                                        /** @description Seconds lying and still before person_on_ground. */
                                        onGroundAfterS?: number;
                                    };
                                };
                                intrusion?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: Record<string, never>;
                                };
                                wrong_way?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Slowest motion judged for wrong_way. */
                                        wrongWayMinSpeedMps?: number;
                                        /** @description Seconds of motion against the allowed direction. */
                                        wrongWayMinS?: number;
                                    };
                                };
                                fire_smoke?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fraction of the frame that must be flickering flame-coloured. */
                                        fireMinFraction?: number;
                                    };
                                };
                                camera_tamper?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds a covered/defocused/moved view must last. */
                                        tamperAfterS?: number;
                                    };
                                };
                            };
                            /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                            calibration?: {
                                image: {
                                    x: number;
                                    y: number;
                                }[];
                                ground: {
                                    x: number;
                                    y: number;
                                }[];
                            } | null;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Prefectoral authorisation, from the legal registry; read-only. */
                            authorisation: {
                                /** @enum {unknown} */
                                state: "valid" | "renewal_due" | "expired" | "missing";
                                /** Format: date-time */
                                expiresAt: string | null;
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
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                            sourceUrl: string;
                            /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                            subStreamUrl?: string;
                            /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                            site?: string;
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
                                /**
                                 * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                                 * @enum {unknown}
                                 */
                                kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                                direction?: {
                                    x: number;
                                    y: number;
                                };
                                schedule?: {
                                    /** @description 0 = Sunday … 6 = Saturday. */
                                    days: number[];
                                    start: number;
                                    end: number;
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
                                /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                                liftable?: boolean;
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
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                            enabled: boolean;
                            /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                            analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                            masksOnCamera?: boolean;
                            /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                            ruleSettings?: {
                                abandoned_object?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds an object must stay still and unattended. */
                                        abandonedAfterS?: number;
                                        /** @description A person closer than this attends the object. */
                                        attendedWithinM?: number;
                                    };
                                };
                                object_removed?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description An object must have been still this long before its removal is reported. */
                                        removedAfterStaticS?: number;
                                    };
                                };
                                people_count?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds between people_count reports. */
                                        countPeriodS?: number;
                                    };
                                };
                                crowd_density?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Persons per square metre that raise crowd_density. */
                                        crowdDensityPerM2?: number;
                                    };
                                };
                                crowd_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fewest tracked persons for crowd_movement. */
                                        crowdMinPersons?: number;
                                        /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                        crowdDivergencePerS?: number;
                                    };
                                };
                                rapid_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Speed above which a person is running. */
                                        runningSpeedMps?: number;
                                        /** @description Seconds the speed must hold. */
                                        runningMinS?: number;
                                    };
                                };
                                person_on_ground?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Box width/height above which a person is lying. */
                                        onGroundAspect?: number;
                                        /** @description Seconds lying and still before person_on_ground. */
                                        onGroundAfterS?: number;
                                    };
                                };
                                intrusion?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: Record<string, never>;
                                };
                                wrong_way?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Slowest motion judged for wrong_way. */
                                        wrongWayMinSpeedMps?: number;
                                        /** @description Seconds of motion against the allowed direction. */
                                        wrongWayMinS?: number;
                                    };
                                };
                                fire_smoke?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fraction of the frame that must be flickering flame-coloured. */
                                        fireMinFraction?: number;
                                    };
                                };
                                camera_tamper?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds a covered/defocused/moved view must last. */
                                        tamperAfterS?: number;
                                    };
                                };
                            };
                            /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                            calibration?: {
                                image: {
                                    x: number;
                                    y: number;
                                }[];
                                ground: {
                                    x: number;
                                    y: number;
                                }[];
                            } | null;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Prefectoral authorisation, from the legal registry; read-only. */
                            authorisation: {
                                /** @enum {unknown} */
                                state: "valid" | "renewal_due" | "expired" | "missing";
                                /** Format: date-time */
                                expiresAt: string | null;
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
                        /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                        sourceUrl?: string;
                        /** @description null removes it. */
                        subStreamUrl?: string | (never | null);
                        /** @description null removes it. */
                        site?: string | (never | null);
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
                            /**
                             * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                             * @enum {unknown}
                             */
                            kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                            direction?: {
                                x: number;
                                y: number;
                            };
                            schedule?: {
                                /** @description 0 = Sunday … 6 = Saturday. */
                                days: number[];
                                start: number;
                                end: number;
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
                            /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                            liftable?: boolean;
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
                        purposes?: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                        enabled?: boolean;
                        /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                        analytics?: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                        /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                        masksOnCamera?: boolean;
                        /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                        ruleSettings?: {
                            abandoned_object?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds an object must stay still and unattended. */
                                    abandonedAfterS?: number;
                                    /** @description A person closer than this attends the object. */
                                    attendedWithinM?: number;
                                };
                            };
                            object_removed?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description An object must have been still this long before its removal is reported. */
                                    removedAfterStaticS?: number;
                                };
                            };
                            people_count?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds between people_count reports. */
                                    countPeriodS?: number;
                                };
                            };
                            crowd_density?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Persons per square metre that raise crowd_density. */
                                    crowdDensityPerM2?: number;
                                };
                            };
                            crowd_movement?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Fewest tracked persons for crowd_movement. */
                                    crowdMinPersons?: number;
                                    /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                    crowdDivergencePerS?: number;
                                };
                            };
                            rapid_movement?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Speed above which a person is running. */
                                    runningSpeedMps?: number;
                                    /** @description Seconds the speed must hold. */
                                    runningMinS?: number;
                                };
                            };
                            person_on_ground?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Box width/height above which a person is lying. */
                                    onGroundAspect?: number;
                                    /** @description Seconds lying and still before person_on_ground. */
                                    onGroundAfterS?: number;
                                };
                            };
                            intrusion?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: Record<string, never>;
                            };
                            wrong_way?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Slowest motion judged for wrong_way. */
                                    wrongWayMinSpeedMps?: number;
                                    /** @description Seconds of motion against the allowed direction. */
                                    wrongWayMinS?: number;
                                };
                            };
                            fire_smoke?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Fraction of the frame that must be flickering flame-coloured. */
                                    fireMinFraction?: number;
                                };
                            };
                            camera_tamper?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds a covered/defocused/moved view must last. */
                                    tamperAfterS?: number;
                                };
                            };
                        };
                        /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                        calibration?: {
                            image: {
                                x: number;
                                y: number;
                            }[];
                            ground: {
                                x: number;
                                y: number;
                            }[];
                        } | null;
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
                            /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                            sourceUrl: string;
                            /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                            subStreamUrl?: string;
                            /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                            site?: string;
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
                                /**
                                 * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                                 * @enum {unknown}
                                 */
                                kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                                direction?: {
                                    x: number;
                                    y: number;
                                };
                                schedule?: {
                                    /** @description 0 = Sunday … 6 = Saturday. */
                                    days: number[];
                                    start: number;
                                    end: number;
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
                                /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                                liftable?: boolean;
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
                            purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                            enabled: boolean;
                            /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                            analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                            masksOnCamera?: boolean;
                            /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                            ruleSettings?: {
                                abandoned_object?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds an object must stay still and unattended. */
                                        abandonedAfterS?: number;
                                        /** @description A person closer than this attends the object. */
                                        attendedWithinM?: number;
                                    };
                                };
                                object_removed?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description An object must have been still this long before its removal is reported. */
                                        removedAfterStaticS?: number;
                                    };
                                };
                                people_count?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds between people_count reports. */
                                        countPeriodS?: number;
                                    };
                                };
                                crowd_density?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Persons per square metre that raise crowd_density. */
                                        crowdDensityPerM2?: number;
                                    };
                                };
                                crowd_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fewest tracked persons for crowd_movement. */
                                        crowdMinPersons?: number;
                                        /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                        crowdDivergencePerS?: number;
                                    };
                                };
                                rapid_movement?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Speed above which a person is running. */
                                        runningSpeedMps?: number;
                                        /** @description Seconds the speed must hold. */
                                        runningMinS?: number;
                                    };
                                };
                                person_on_ground?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Box width/height above which a person is lying. */
                                        onGroundAspect?: number;
                                        /** @description Seconds lying and still before person_on_ground. */
                                        onGroundAfterS?: number;
                                    };
                                };
                                intrusion?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: Record<string, never>;
                                };
                                wrong_way?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Slowest motion judged for wrong_way. */
                                        wrongWayMinSpeedMps?: number;
                                        /** @description Seconds of motion against the allowed direction. */
                                        wrongWayMinS?: number;
                                    };
                                };
                                fire_smoke?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Fraction of the frame that must be flickering flame-coloured. */
                                        fireMinFraction?: number;
                                    };
                                };
                                camera_tamper?: {
                                    /**
                                     * @description live (default) or shadow.
                                     * @enum {unknown}
                                     */
                                    mode?: "live" | "shadow";
                                    params?: {
                                        /** @description Seconds a covered/defocused/moved view must last. */
                                        tamperAfterS?: number;
                                    };
                                };
                            };
                            /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                            calibration?: {
                                image: {
                                    x: number;
                                    y: number;
                                }[];
                                ground: {
                                    x: number;
                                    y: number;
                                }[];
                            } | null;
                            /** @description Incremented on every change. */
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Prefectoral authorisation, from the legal registry; read-only. */
                            authorisation: {
                                /** @enum {unknown} */
                                state: "valid" | "renewal_due" | "expired" | "missing";
                                /** Format: date-time */
                                expiresAt: string | null;
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
    "/api/cameras/discover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find ONVIF cameras on the local network (WS-Discovery) */
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
                        /** @description How long answers are gathered (default 3000). */
                        timeoutMs?: number;
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
                            /** @description The device service URL (XAddr), e.g. http://10.0.0.12/onvif/device_service. */
                            address: string;
                            /** @description The device’s stable endpoint reference, urn:uuid:…. */
                            urn: string;
                            /** @description From the onvif://www.onvif.org/name/ scope, when announced. */
                            name?: string;
                            /** @description From the onvif://www.onvif.org/hardware/ scope. */
                            hardware?: string;
                            /**
                             * Format: uuid
                             * @description Set when the device is already a camera.
                             */
                            cameraId?: string;
                        }[];
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/onvif/profiles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the media profiles of an ONVIF device, to choose its main and sub streams */
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
                        /** @description Device service URL, as discovery gives it. */
                        address: string;
                        username: string;
                        /** @description Stored sealed (AES-256-GCM); never returned. */
                        password: string;
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
                            manufacturer: string;
                            model: string;
                            profiles: {
                                token: string;
                                name: string;
                                /** @description H264, H265, JPEG… */
                                encoding: string;
                                width: number;
                                height: number;
                                fps?: number;
                                /** @description GovLength, in frames. */
                                keyframeIntervalFrames?: number;
                            }[];
                            /** @description Profile recorded unless another is chosen (the largest). */
                            suggestedMain: string;
                            /** @description Profile analysed unless another is chosen (the smallest). */
                            suggestedSub?: string;
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/onvif": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a camera from an ONVIF device: main stream recorded, sub stream analysed */
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
                        /** @description Device service URL, as discovery gives it. */
                        address: string;
                        username: string;
                        /** @description Stored sealed (AES-256-GCM); never returned. */
                        password: string;
                        urn?: string;
                        /** @description Profile token recorded (default: the largest). */
                        mainProfile?: string;
                        /** @description Profile token analysed; null for none (default: the smallest). */
                        subProfile?: string | null;
                        name: string;
                        /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                        site?: string;
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
                            /**
                             * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                             * @enum {unknown}
                             */
                            kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                            direction?: {
                                x: number;
                                y: number;
                            };
                            schedule?: {
                                /** @description 0 = Sunday … 6 = Saturday. */
                                days: number[];
                                start: number;
                                end: number;
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
                            /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                            liftable?: boolean;
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
                        purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                        enabled?: boolean;
                        /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                        analytics?: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                        /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                        masksOnCamera?: boolean;
                        /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                        ruleSettings?: {
                            abandoned_object?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds an object must stay still and unattended. */
                                    abandonedAfterS?: number;
                                    /** @description A person closer than this attends the object. */
                                    attendedWithinM?: number;
                                };
                            };
                            object_removed?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description An object must have been still this long before its removal is reported. */
                                    removedAfterStaticS?: number;
                                };
                            };
                            people_count?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds between people_count reports. */
                                    countPeriodS?: number;
                                };
                            };
                            crowd_density?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Persons per square metre that raise crowd_density. */
                                    crowdDensityPerM2?: number;
                                };
                            };
                            crowd_movement?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Fewest tracked persons for crowd_movement. */
                                    crowdMinPersons?: number;
                                    /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                    crowdDivergencePerS?: number;
                                };
                            };
                            rapid_movement?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Speed above which a person is running. */
                                    runningSpeedMps?: number;
                                    /** @description Seconds the speed must hold. */
                                    runningMinS?: number;
                                };
                            };
                            person_on_ground?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Box width/height above which a person is lying. */
                                    onGroundAspect?: number;
                                    /** @description Seconds lying and still before person_on_ground. */
                                    onGroundAfterS?: number;
                                };
                            };
                            intrusion?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: Record<string, never>;
                            };
                            wrong_way?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Slowest motion judged for wrong_way. */
                                    wrongWayMinSpeedMps?: number;
                                    /** @description Seconds of motion against the allowed direction. */
                                    wrongWayMinS?: number;
                                };
                            };
                            fire_smoke?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Fraction of the frame that must be flickering flame-coloured. */
                                    fireMinFraction?: number;
                                };
                            };
                            camera_tamper?: {
                                /**
                                 * @description live (default) or shadow.
                                 * @enum {unknown}
                                 */
                                mode?: "live" | "shadow";
                                params?: {
                                    /** @description Seconds a covered/defocused/moved view must last. */
                                    tamperAfterS?: number;
                                };
                            };
                        };
                        /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                        calibration?: {
                            image: {
                                x: number;
                                y: number;
                            }[];
                            ground: {
                                x: number;
                                y: number;
                            }[];
                        } | null;
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
                            camera: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                                sourceUrl: string;
                                /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                                subStreamUrl?: string;
                                /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                                site?: string;
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
                                    /**
                                     * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                                     * @enum {unknown}
                                     */
                                    kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                                    direction?: {
                                        x: number;
                                        y: number;
                                    };
                                    schedule?: {
                                        /** @description 0 = Sunday … 6 = Saturday. */
                                        days: number[];
                                        start: number;
                                        end: number;
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
                                    /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                                    liftable?: boolean;
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
                                purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                                enabled: boolean;
                                /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                                analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                                masksOnCamera?: boolean;
                                /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                                ruleSettings?: {
                                    abandoned_object?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Seconds an object must stay still and unattended. */
                                            abandonedAfterS?: number;
                                            /** @description A person closer than this attends the object. */
                                            attendedWithinM?: number;
                                        };
                                    };
                                    object_removed?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description An object must have been still this long before its removal is reported. */
                                            removedAfterStaticS?: number;
                                        };
                                    };
                                    people_count?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Seconds between people_count reports. */
                                            countPeriodS?: number;
                                        };
                                    };
                                    crowd_density?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Persons per square metre that raise crowd_density. */
                                            crowdDensityPerM2?: number;
                                        };
                                    };
                                    crowd_movement?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Fewest tracked persons for crowd_movement. */
                                            crowdMinPersons?: number;
                                            /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                            crowdDivergencePerS?: number;
                                        };
                                    };
                                    rapid_movement?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Speed above which a person is running. */
                                            runningSpeedMps?: number;
                                            /** @description Seconds the speed must hold. */
                                            runningMinS?: number;
                                        };
                                    };
                                    person_on_ground?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Box width/height above which a person is lying. */
                                            onGroundAspect?: number;
                                            /** @description Seconds lying and still before person_on_ground. */
                                            onGroundAfterS?: number;
                                        };
                                    };
                                    intrusion?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: Record<string, never>;
                                    };
                                    wrong_way?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Slowest motion judged for wrong_way. */
                                            wrongWayMinSpeedMps?: number;
                                            /** @description Seconds of motion against the allowed direction. */
                                            wrongWayMinS?: number;
                                        };
                                    };
                                    fire_smoke?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Fraction of the frame that must be flickering flame-coloured. */
                                            fireMinFraction?: number;
                                        };
                                    };
                                    camera_tamper?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Seconds a covered/defocused/moved view must last. */
                                            tamperAfterS?: number;
                                        };
                                    };
                                };
                                /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                                calibration?: {
                                    image: {
                                        x: number;
                                        y: number;
                                    }[];
                                    ground: {
                                        x: number;
                                        y: number;
                                    }[];
                                } | null;
                                /** @description Incremented on every change. */
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description Prefectoral authorisation, from the legal registry; read-only. */
                                authorisation: {
                                    /** @enum {unknown} */
                                    state: "valid" | "renewal_due" | "expired" | "missing";
                                    /** Format: date-time */
                                    expiresAt: string | null;
                                };
                            };
                            device: {
                                address: string;
                                manufacturer: string;
                                model: string;
                                serialNumber: string;
                                /** @description Profile recorded (and shown in enlarged live). */
                                mainProfile: string;
                                /** @description Profile analysed (and shown in small tiles). */
                                subProfile?: string;
                                ptz: boolean;
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/{id}/ptz/control": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who steers this camera now (nobody once 30 s passed without a command) */
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
                            holder?: {
                                name: string;
                                /**
                                 * Format: date-time
                                 * @description Free again then unless they keep steering.
                                 */
                                expiresAt: string;
                                you: boolean;
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
                /** @description Default Response */
                503: {
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
        /** Take the controls (a supervisor takes them over from an operator; audited) */
        post: {
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
                            holder?: {
                                name: string;
                                /**
                                 * Format: date-time
                                 * @description Free again then unless they keep steering.
                                 */
                                expiresAt: string;
                                you: boolean;
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
                /** @description Default Response */
                503: {
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
        /** Give the controls back (audited) */
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
                /** @description Default Response */
                503: {
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
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/ptz/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start moving the head at these speeds until a stop (takes or renews the controls; audited) */
        post: {
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
                        /**
                         * @description Pan speed, −1…1 (0: still).
                         * @default 0
                         */
                        pan?: number;
                        /**
                         * @description Tilt speed, −1…1 (0: still).
                         * @default 0
                         */
                        tilt?: number;
                        /**
                         * @description Zoom speed, −1…1 (0: still).
                         * @default 0
                         */
                        zoom?: number;
                    };
                };
            };
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/{id}/ptz/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the head */
        post: {
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/{id}/ptz/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The presets stored on the camera */
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
                            token: string;
                            name: string;
                            position?: {
                                pan: number;
                                tilt: number;
                                zoom: number;
                            };
                        }[];
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
                /** @description Default Response */
                503: {
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
        /** Save where the head points now as a preset (supervisors; audited) */
        post: {
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
                        /** @description What operators see in the preset list (no < > & " or quote). */
                        name: string;
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
                            token: string;
                            name: string;
                            position?: {
                                pan: number;
                                tilt: number;
                                zoom: number;
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/{id}/ptz/presets/{token}/go": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the head to a preset (takes or renews the controls; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description A preset token from the preset list. */
                    token: string;
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
                /** @description Default Response */
                503: {
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
    "/api/cameras/{id}/ptz/masks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The privacy masks drawn per preset (elsewhere, and while the head moves, the whole picture is masked) */
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
                            preset: string;
                            name: string;
                            position: {
                                pan: number;
                                tilt: number;
                                zoom: number;
                            };
                            masks: {
                                id: string;
                                label?: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
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
                /** @description Default Response */
                503: {
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/ptz/presets/{token}/masks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Draw the privacy masks of a preset (supervisors; audited); the recording applies them at that preset only */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description A preset token from the preset list. */
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        masks: {
                            id: string;
                            label?: string;
                            /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                            polygon: {
                                x: number;
                                y: number;
                            }[];
                        }[];
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
                            preset: string;
                            name: string;
                            position: {
                                pan: number;
                                tilt: number;
                                zoom: number;
                            };
                            masks: {
                                id: string;
                                label?: string;
                                /** @description Vertices in normalised image coordinates (0–1), at least 3. */
                                polygon: {
                                    x: number;
                                    y: number;
                                }[];
                            }[];
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
                /** @description Default Response */
                503: {
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
                    action?: "auth.login" | "auth.login_failed" | "auth.logout" | "auth.locked" | "access.denied" | "camera.created" | "camera.updated" | "camera.deleted" | "camera.discovery_run" | "camera.stream_password_sealed" | "camera.own_masks_checked" | "camera.segments_remasked" | "ptz.control_taken" | "ptz.control_released" | "ptz.moved" | "ptz.preset_recalled" | "ptz.preset_saved" | "ptz.preset_masks_saved" | "user.created" | "habilitation.recorded" | "workstation.enrolled" | "workstation.revoked" | "user.roles_changed" | "user.cameras_assigned" | "token.created" | "token.revoked" | "live.started" | "live.stopped" | "playback.viewed" | "export.created" | "recording.purged" | "recording.recovered" | "storage.low" | "storage.recovered" | "setting.changed" | "snapshot.viewed" | "export.downloaded" | "export.transmitted" | "alert.opened" | "alert.acted" | "alert.ended" | "alert.labelled" | "analytics.rule_promoted" | "analytics.rule_replayed" | "analytics.rule_replay_cancelled" | "analytics.paused" | "analytics.resumed" | "registry.recorded" | "registry.photo_uploaded" | "access_request.received" | "access_request.status_changed" | "access_request.range_added" | "access_request.range_changed" | "access_request.export_attached" | "access_request.deadline_extended" | "access_request.reminder_sent" | "analysis_authorisation.recorded" | "analysis_authorisation.started" | "analysis_authorisation.ended" | "hold.placed" | "hold.released" | "incident.opened" | "incident.alert_added" | "incident.acted" | "incident.step_skipped" | "incident_type.saved" | "model.registered" | "wall_layout.saved" | "wall_layout.deleted" | "unmask.requested" | "unmask.approved" | "unmask.refused" | "unmask.viewed" | "unmask.view_refused";
                    /** @description Part of the actor’s name, any case. */
                    actor?: string;
                    /** @description Entries at or after this instant. */
                    from?: string;
                    /** @description Entries before this instant. */
                    to?: string;
                    /** @description Part of the action, the target (camera id or name), the author, the reason, the source or the details, any case. */
                    q?: string;
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
        /** Verify the hash chain (any modified, inserted or deleted entry) and hold it to the signed checkpoints (a rewrite with recomputed hashes, a truncation, a wipe) */
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
                            /** @description Checkpoints whose signature holds. */
                            checkpoints: number;
                            /** @description Entries the newest valid checkpoint covers. */
                            anchoredEntries: number;
                            checkpointBreaks: {
                                at: string;
                                entries: number;
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
    "/api/cameras/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream state of every camera you may see */
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
                            cameraId: string;
                            /** @enum {unknown} */
                            state: "starting" | "online" | "degraded" | "offline" | "error" | "disabled";
                            reason?: string;
                            /** Format: date-time */
                            since: string;
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
    "/api/cameras/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Measured stream health of every camera you may see, with what to change on each */
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
                            cameraId: string;
                            /**
                             * @description `unknown` when nothing measures the camera: disabled, not authorised, or no recorder (here or on a worker) reported it yet.
                             * @enum {unknown}
                             */
                            state: "good" | "degraded" | "unknown";
                            measures: {
                                /** @description Mean bitrate over the last minute, kbit/s. */
                                bitrateKbps?: number;
                                /** @description Frames per second received now. */
                                fps?: number;
                                /** @description Best frame rate sustained over the last hour. */
                                expectedFps?: number;
                                /** @description Seconds between the camera's keyframes (absent when re-encoded for masks). */
                                keyframeIntervalSeconds?: number;
                                /** @description Camera clock minus server clock, ms. */
                                clockOffsetMs?: number;
                                /** @description Drift of the camera's timestamps against the server clock since the stream opened, ms. */
                                timestampDriftMs?: number;
                                /** @description Seconds since the last new picture. */
                                frozenSeconds?: number;
                                /** @description Seconds since the last stored segment. */
                                lastSegmentAgeSeconds?: number;
                                /** @description Times the stream was lost over the last hour. */
                                reconnectsLastHour?: number;
                                /** @description Seconds of video stored over the last hour. */
                                recordedSecondsLastHour?: number;
                                /** @description Seconds meant to be recorded over the last hour. */
                                expectedSecondsLastHour?: number;
                                /** @description H.264 encoder of the masked picture (libx264, h264_nvenc…); absent: not re-encoded. */
                                maskEncoder?: string;
                                /**
                                 * @description Masks applied by the camera (ONVIF): the last check; anything but verified and Vigie masks the picture itself.
                                 * @enum {unknown}
                                 */
                                cameraMasks?: "verified" | "missing" | "unsupported" | "unreachable" | "not_applied";
                            };
                            warnings: {
                                code: string;
                                en: string;
                                fr: string;
                            }[];
                            /** Format: date-time */
                            measuredAt: string;
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
    "/api/cameras/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Measured stream health of one camera (frame rate, bitrate, keyframe interval, drift, losses, hour stored) */
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
                            cameraId: string;
                            /**
                             * @description `unknown` when nothing measures the camera: disabled, not authorised, or no recorder (here or on a worker) reported it yet.
                             * @enum {unknown}
                             */
                            state: "good" | "degraded" | "unknown";
                            measures: {
                                /** @description Mean bitrate over the last minute, kbit/s. */
                                bitrateKbps?: number;
                                /** @description Frames per second received now. */
                                fps?: number;
                                /** @description Best frame rate sustained over the last hour. */
                                expectedFps?: number;
                                /** @description Seconds between the camera's keyframes (absent when re-encoded for masks). */
                                keyframeIntervalSeconds?: number;
                                /** @description Camera clock minus server clock, ms. */
                                clockOffsetMs?: number;
                                /** @description Drift of the camera's timestamps against the server clock since the stream opened, ms. */
                                timestampDriftMs?: number;
                                /** @description Seconds since the last new picture. */
                                frozenSeconds?: number;
                                /** @description Seconds since the last stored segment. */
                                lastSegmentAgeSeconds?: number;
                                /** @description Times the stream was lost over the last hour. */
                                reconnectsLastHour?: number;
                                /** @description Seconds of video stored over the last hour. */
                                recordedSecondsLastHour?: number;
                                /** @description Seconds meant to be recorded over the last hour. */
                                expectedSecondsLastHour?: number;
                                /** @description H.264 encoder of the masked picture (libx264, h264_nvenc…); absent: not re-encoded. */
                                maskEncoder?: string;
                                /**
                                 * @description Masks applied by the camera (ONVIF): the last check; anything but verified and Vigie masks the picture itself.
                                 * @enum {unknown}
                                 */
                                cameraMasks?: "verified" | "missing" | "unsupported" | "unreachable" | "not_applied";
                            };
                            warnings: {
                                code: string;
                                en: string;
                                fr: string;
                            }[];
                            /** Format: date-time */
                            measuredAt: string;
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a live view (audited); play streamUrl with Media Source Extensions, else playlistUrl (HLS) */
        post: {
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
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessionId: string;
                            /** @description HLS built from the recorded segments: the fallback, seconds behind. */
                            playlistUrl: string;
                            /** @description WebSocket of fragmented MP4 for Media Source Extensions (under a second behind); a JSON text message { v: 1, type: "init", codec } precedes each binary init segment, binary fragments follow. Absent when this server does not record the camera itself. */
                            streamUrl?: string;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live/{session}/index.m3u8": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live HLS playlist */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session: string;
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
                    content?: never;
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
    "/api/live/{session}/segments/{segment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live segment (byte ranges) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session: string;
                    segment: string;
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
                    content?: never;
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
    "/api/live/{session}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Close a live view (audited) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session: string;
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/snapshot.jpg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest recorded frame as JPEG, masks applied (audited) */
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
                    content?: never;
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
    "/api/cameras/{id}/recordings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recorded ranges and gaps over a period (at most 24 h) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
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
                            ranges: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            }[];
                            gaps: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                reason: string;
                            }[];
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/playback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a playback of a range, for a reason (audited) */
        post: {
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
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        /** @description Why the footage is viewed or exported; written to the audit trail (LEGAL R11). */
                        reason: string;
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
                            sessionId: string;
                            playlistUrl: string;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/playback/{session}/index.m3u8": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Playback HLS playlist */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session: string;
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
                    content?: never;
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
    "/api/playback/{session}/segments/{segment}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Playback segment (byte ranges) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session: string;
                    segment: string;
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
                    content?: never;
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
    "/api/cameras/{id}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export a range as one MP4 with a signed manifest of what it really covers (purpose and reason audited) */
        post: {
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
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        /** @description One of the camera's declared purposes (LEGAL R2). */
                        purpose: string;
                        /** @description Why the footage is viewed or exported; written to the audit trail (LEGAL R11). */
                        reason: string;
                        /** @description Reference of the judicial requisition, stated in the signed manifest. */
                        requisition?: string;
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
                            /** @enum {string} */
                            format: "vigie-evidence/1";
                            /** Format: uuid */
                            id: string;
                            installation: {
                                keyId: string;
                            };
                            camera: {
                                id: string;
                                name: string;
                            };
                            requested: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            covered: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                                /** @enum {string} */
                                cut: "keyframe";
                            };
                            purpose: string;
                            reason: string;
                            requisition?: string;
                            exportedBy: string;
                            /** Format: date-time */
                            exportedAt: string;
                            software: {
                                /** @enum {string} */
                                name: "vigie";
                                version: string;
                            };
                            auditEntryHash: string;
                            segments: {
                                /** Format: date-time */
                                startedAt: string;
                                /** Format: date-time */
                                endedAt: string;
                                sha256: string;
                            }[];
                            files: {
                                name: string;
                                bytes: number;
                                sha256: string;
                            }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-requests/{id}/ranges/{rangeId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make the copy for a citizen: the matched range with every person pixelated (audited; needs review) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rangeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            manifest: {
                                /** @enum {string} */
                                format: "vigie-evidence/1";
                                /** Format: uuid */
                                id: string;
                                installation: {
                                    keyId: string;
                                };
                                camera: {
                                    id: string;
                                    name: string;
                                };
                                requested: {
                                    /** Format: date-time */
                                    from: string;
                                    /** Format: date-time */
                                    to: string;
                                };
                                covered: {
                                    /** Format: date-time */
                                    from: string;
                                    /** Format: date-time */
                                    to: string;
                                    /** @enum {string} */
                                    cut: "keyframe";
                                };
                                purpose: string;
                                reason: string;
                                requisition?: string;
                                exportedBy: string;
                                /** Format: date-time */
                                exportedAt: string;
                                software: {
                                    /** @enum {string} */
                                    name: "vigie";
                                    version: string;
                                };
                                auditEntryHash: string;
                                segments: {
                                    /** Format: date-time */
                                    startedAt: string;
                                    /** Format: date-time */
                                    endedAt: string;
                                    sha256: string;
                                }[];
                                files: {
                                    name: string;
                                    bytes: number;
                                    sha256: string;
                                }[];
                            };
                            anonymisation: {
                                frames: number;
                                regions: number;
                                /** @enum {unknown} */
                                method: "person_detector" | "motion_regions";
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-requests/{id}/ranges/{rangeId}/video.mp4": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the anonymised copy (audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rangeId: string;
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
                    content?: never;
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
    "/api/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manifest of an export */
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
                            /** @enum {string} */
                            format: "vigie-evidence/1";
                            /** Format: uuid */
                            id: string;
                            installation: {
                                keyId: string;
                            };
                            camera: {
                                id: string;
                                name: string;
                            };
                            requested: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            covered: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                                /** @enum {string} */
                                cut: "keyframe";
                            };
                            purpose: string;
                            reason: string;
                            requisition?: string;
                            exportedBy: string;
                            /** Format: date-time */
                            exportedAt: string;
                            software: {
                                /** @enum {string} */
                                name: "vigie";
                                version: string;
                            };
                            auditEntryHash: string;
                            segments: {
                                /** Format: date-time */
                                startedAt: string;
                                /** Format: date-time */
                                endedAt: string;
                                sha256: string;
                            }[];
                            files: {
                                name: string;
                                bytes: number;
                                sha256: string;
                            }[];
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{id}/video.mp4": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an exported clip (audited) */
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
                    content?: never;
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
    "/api/exports/{id}/package.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the evidence package: video, signed manifest, signature, public key (audited) */
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
                    content?: never;
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
    "/api/exports/{id}/sealed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The evidence package encrypted for a recipient outside the system, for their key or under a passphrase (LEGAL R12; transmission audited) */
        post: {
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
                        /** @description Who receives the package (e.g. "Parquet de Valenciennes"): recorded in the register (LEGAL R5). */
                        recipientName: string;
                        /** @description The recipient’s public key (vigie-x25519:…). */
                        recipient: string;
                    } | {
                        /** @description Who receives the package (e.g. "Parquet de Valenciennes"): recorded in the register (LEGAL R5). */
                        recipientName: string;
                        /** @description At least 12 characters, told to the recipient by another channel. */
                        passphrase: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
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
    "/api/evidence/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The installation's public key that signs evidence packages, and its fingerprint */
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
                            algorithm: "Ed25519";
                            keyId: string;
                            publicKeyPem: string;
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
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts, most severe then newest first, one page at a time
         * @description Without images (GET /api/alerts/{id}/snapshot.jpg serves each). When more may follow, the X-Next-Cursor header gives the `cursor` of the next page.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Page size, at most 500; default 100. */
                    limit?: string;
                    /** @description X-Next-Cursor of the previous page. */
                    cursor?: string;
                    status?: "open" | "acknowledged" | "closed";
                    cameraId?: string;
                    type?: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                    zoneId?: string;
                    /** @description Only alerts whose detections were this sure. */
                    minConfidence?: number;
                    /** @description Only alerts whose situation lasted this long. */
                    minDurationS?: number;
                    /** @description Only alerts whose situation goes on (true) or ended (false). */
                    ongoing?: boolean;
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
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                            /** @enum {unknown} */
                            severity: "info" | "low" | "medium" | "high";
                            /** @enum {unknown} */
                            status: "open" | "acknowledged" | "closed";
                            /** @enum {unknown} */
                            qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                            escalated: boolean;
                            /** @description Who said "I am handling it", and when. */
                            claim?: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            };
                            zoneId?: string;
                            message: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation was last seen.
                             */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation ended; absent while it goes on.
                             */
                            endedAt?: string;
                            /** @description Detections merged into this one alert. */
                            occurrences: number;
                            facts?: {
                                /** @enum {unknown} */
                                subject: "person" | "persons" | "object" | "flames" | "view";
                                /** @description Persons involved, when several. */
                                count?: number;
                                zoneId?: string;
                                region?: {
                                    x: number;
                                    y: number;
                                    w: number;
                                    h: number;
                                };
                                /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                durationS: number;
                                /** @description Mean detector score of the persons involved. */
                                confidence?: number;
                                measure?: {
                                    value: number;
                                    peak: number;
                                    /** @enum {unknown} */
                                    unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                };
                                /** @enum {unknown} */
                                manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                            };
                            /**
                             * @description Raised by a rule in shadow: on the review list, never in the queue.
                             * @enum {boolean}
                             */
                            shadow?: true;
                            /** @enum {unknown} */
                            shadowLabel?: "true" | "false" | "irrelevant";
                            /**
                             * Format: uuid
                             * @description The first alert of its group: same camera, zone and type, opened close together.
                             */
                            groupId?: string;
                            clip: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                            hasSnapshot: boolean;
                            notes: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                text: string;
                            }[];
                        }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Closed alerts, newest first, by camera, type, verdict and opening period, one page at a time */
        get: {
            parameters: {
                query?: {
                    cameraId?: string;
                    type?: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                    qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                    /** @description Opened at or after. */
                    from?: string;
                    /** @description Opened before. */
                    to?: string;
                    /** @description From 1; default 1. */
                    page?: string;
                    /** @description At most 100; default 25. */
                    pageSize?: string;
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
                            alerts: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cameraId: string;
                                /** @enum {unknown} */
                                type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                                /** @enum {unknown} */
                                severity: "info" | "low" | "medium" | "high";
                                /** @enum {unknown} */
                                status: "open" | "acknowledged" | "closed";
                                /** @enum {unknown} */
                                qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                                escalated: boolean;
                                /** @description Who said "I am handling it", and when. */
                                claim?: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                };
                                zoneId?: string;
                                message: string;
                                /** Format: date-time */
                                openedAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /**
                                 * Format: date-time
                                 * @description When its situation was last seen.
                                 */
                                lastSeenAt: string;
                                /**
                                 * Format: date-time
                                 * @description When its situation ended; absent while it goes on.
                                 */
                                endedAt?: string;
                                /** @description Detections merged into this one alert. */
                                occurrences: number;
                                facts?: {
                                    /** @enum {unknown} */
                                    subject: "person" | "persons" | "object" | "flames" | "view";
                                    /** @description Persons involved, when several. */
                                    count?: number;
                                    zoneId?: string;
                                    region?: {
                                        x: number;
                                        y: number;
                                        w: number;
                                        h: number;
                                    };
                                    /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                    durationS: number;
                                    /** @description Mean detector score of the persons involved. */
                                    confidence?: number;
                                    measure?: {
                                        value: number;
                                        peak: number;
                                        /** @enum {unknown} */
                                        unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                    };
                                    /** @enum {unknown} */
                                    manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                                };
                                /**
                                 * @description Raised by a rule in shadow: on the review list, never in the queue.
                                 * @enum {boolean}
                                 */
                                shadow?: true;
                                /** @enum {unknown} */
                                shadowLabel?: "true" | "false" | "irrelevant";
                                /**
                                 * Format: uuid
                                 * @description The first alert of its group: same camera, zone and type, opened close together.
                                 */
                                groupId?: string;
                                clip: {
                                    /** Format: date-time */
                                    from: string;
                                    /** Format: date-time */
                                    to: string;
                                };
                                /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                                hasSnapshot: boolean;
                                notes: {
                                    by: string;
                                    /** Format: date-time */
                                    at: string;
                                    text: string;
                                }[];
                            }[];
                            /** @description Closed alerts matching, over every page. */
                            total: number;
                            page: number;
                            pageSize: number;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert */
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
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                            /** @enum {unknown} */
                            severity: "info" | "low" | "medium" | "high";
                            /** @enum {unknown} */
                            status: "open" | "acknowledged" | "closed";
                            /** @enum {unknown} */
                            qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                            escalated: boolean;
                            /** @description Who said "I am handling it", and when. */
                            claim?: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            };
                            zoneId?: string;
                            message: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation was last seen.
                             */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation ended; absent while it goes on.
                             */
                            endedAt?: string;
                            /** @description Detections merged into this one alert. */
                            occurrences: number;
                            facts?: {
                                /** @enum {unknown} */
                                subject: "person" | "persons" | "object" | "flames" | "view";
                                /** @description Persons involved, when several. */
                                count?: number;
                                zoneId?: string;
                                region?: {
                                    x: number;
                                    y: number;
                                    w: number;
                                    h: number;
                                };
                                /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                durationS: number;
                                /** @description Mean detector score of the persons involved. */
                                confidence?: number;
                                measure?: {
                                    value: number;
                                    peak: number;
                                    /** @enum {unknown} */
                                    unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                };
                                /** @enum {unknown} */
                                manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                            };
                            /**
                             * @description Raised by a rule in shadow: on the review list, never in the queue.
                             * @enum {boolean}
                             */
                            shadow?: true;
                            /** @enum {unknown} */
                            shadowLabel?: "true" | "false" | "irrelevant";
                            /**
                             * Format: uuid
                             * @description The first alert of its group: same camera, zone and type, opened close together.
                             */
                            groupId?: string;
                            clip: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                            hasSnapshot: boolean;
                            notes: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                text: string;
                            }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/snapshot.jpg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The alert image with the detection drawn */
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
                    content?: never;
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
    "/api/alerts/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge, claim ("I am handling it"), qualify, annotate or escalate an alert (audited, pushed) */
        post: {
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
                        /** @enum {string} */
                        action: "acknowledge";
                    } | {
                        /** @enum {string} */
                        action: "claim";
                    } | {
                        /** @enum {string} */
                        action: "qualify";
                        /** @enum {unknown} */
                        qualification: "true_alert" | "false_alarm" | "needs_follow_up";
                        note?: string;
                    } | {
                        /** @enum {string} */
                        action: "note";
                        note: string;
                    } | {
                        /** @enum {string} */
                        action: "escalate";
                        note?: string;
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
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                            /** @enum {unknown} */
                            severity: "info" | "low" | "medium" | "high";
                            /** @enum {unknown} */
                            status: "open" | "acknowledged" | "closed";
                            /** @enum {unknown} */
                            qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                            escalated: boolean;
                            /** @description Who said "I am handling it", and when. */
                            claim?: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            };
                            zoneId?: string;
                            message: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation was last seen.
                             */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation ended; absent while it goes on.
                             */
                            endedAt?: string;
                            /** @description Detections merged into this one alert. */
                            occurrences: number;
                            facts?: {
                                /** @enum {unknown} */
                                subject: "person" | "persons" | "object" | "flames" | "view";
                                /** @description Persons involved, when several. */
                                count?: number;
                                zoneId?: string;
                                region?: {
                                    x: number;
                                    y: number;
                                    w: number;
                                    h: number;
                                };
                                /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                durationS: number;
                                /** @description Mean detector score of the persons involved. */
                                confidence?: number;
                                measure?: {
                                    value: number;
                                    peak: number;
                                    /** @enum {unknown} */
                                    unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                };
                                /** @enum {unknown} */
                                manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                            };
                            /**
                             * @description Raised by a rule in shadow: on the review list, never in the queue.
                             * @enum {boolean}
                             */
                            shadow?: true;
                            /** @enum {unknown} */
                            shadowLabel?: "true" | "false" | "irrelevant";
                            /**
                             * Format: uuid
                             * @description The first alert of its group: same camera, zone and type, opened close together.
                             */
                            groupId?: string;
                            clip: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                            hasSnapshot: boolean;
                            notes: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                text: string;
                            }[];
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
    "/api/stats/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Anonymous counts over time (line crossings, occupancy, density) */
        get: {
            parameters: {
                query: {
                    cameraId?: string;
                    from: string;
                    to: string;
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
                            cameraId: string;
                            series: string;
                            /** Format: date-time */
                            at: string;
                            in?: number;
                            out?: number;
                            occupancy?: number;
                            density?: number;
                            /**
                             * @description How occupancy and density were counted.
                             * @enum {unknown}
                             */
                            method?: "tracks" | "tiled" | "tracks+riders" | "tiled+riders";
                        }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts per type on the caller’s cameras and the precision operators’ verdicts give (LEGAL R24) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
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
                            type: string;
                            total: number;
                            trueAlerts: number;
                            falseAlarms: number;
                            precision: number | null;
                        }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/wall-layouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The walls I saved, by name */
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
                            name: string;
                            /** @enum {unknown} */
                            grid: 1 | 4 | 9 | 16;
                            tiles: {
                                cameraIds: string[];
                                /** @description Seconds on each camera of a tour (two or more cameras). */
                                dwellS?: number;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
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
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/wall-layouts/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save my wall under a name (replaces one of the same name; audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        grid: 1 | 4 | 9 | 16;
                        tiles: {
                            cameraIds: string[];
                            /** @description Seconds on each camera of a tour (two or more cameras). */
                            dwellS?: number;
                        }[];
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
                            name: string;
                            /** @enum {unknown} */
                            grid: 1 | 4 | 9 | 16;
                            tiles: {
                                cameraIds: string[];
                                /** @description Seconds on each camera of a tour (two or more cameras). */
                                dwellS?: number;
                            }[];
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
            };
        };
        post?: never;
        /** Delete one of my saved walls (audited) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
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
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/analytics/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether analytics run, globally and per camera */
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
                            /** @description Analytics halted on every camera. */
                            paused: boolean;
                            pausedCameraIds: string[];
                            runningCameraIds: string[];
                            /** @description Rules switched on that cannot run on a running camera, and why. */
                            unavailableRules: {
                                cameraId: string;
                                /** @description The rule switched on that does not run. */
                                type: string;
                                /** @description Why, an error code (FIRE_MODEL_MISSING: no fire model configured). */
                                code: string;
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
    "/api/analytics/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Halt or resume analytics, on every camera or one (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        paused: boolean;
                        /** Format: uuid */
                        cameraId?: string;
                        reason: string;
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
                            /** @description Analytics halted on every camera. */
                            paused: boolean;
                            pausedCameraIds: string[];
                            runningCameraIds: string[];
                            /** @description Rules switched on that cannot run on a running camera, and why. */
                            unavailableRules: {
                                cameraId: string;
                                /** @description The rule switched on that does not run. */
                                type: string;
                                /** @description Why, an error code (FIRE_MODEL_MISSING: no fire model configured). */
                                code: string;
                            }[];
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
    "/api/cameras/{id}/rules/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rule on a camera: mode, calibration, shadow labels and precision over time */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
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
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                            enabled: boolean;
                            /** @enum {unknown} */
                            mode: "live" | "shadow";
                            params: {
                                /** @description Seconds an object must stay still and unattended. */
                                abandonedAfterS?: number;
                                /** @description A person closer than this attends the object. */
                                attendedWithinM?: number;
                                /** @description An object must have been still this long before its removal is reported. */
                                removedAfterStaticS?: number;
                                /** @description Persons per square metre that raise crowd_density. */
                                crowdDensityPerM2?: number;
                                /** @description Fewest tracked persons for crowd_movement. */
                                crowdMinPersons?: number;
                                /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                crowdDivergencePerS?: number;
                                /** @description Speed above which a person is running. */
                                runningSpeedMps?: number;
                                /** @description Seconds the speed must hold. */
                                runningMinS?: number;
                                /** @description Box width/height above which a person is lying. */
                                onGroundAspect?: number;
                                /** @description Seconds lying and still before person_on_ground. */
                                onGroundAfterS?: number;
                                /** @description Slowest motion judged for wrong_way. */
                                wrongWayMinSpeedMps?: number;
                                /** @description Seconds of motion against the allowed direction. */
                                wrongWayMinS?: number;
                                /** @description Seconds between people_count reports. */
                                countPeriodS?: number;
                                /** @description Seconds without any sign of a situation (bag, person down, crowd) after which it has ended; a recurrence after that opens a new alert. */
                                situationEndS?: number;
                                /** @description Fraction of the frame that must be flickering flame-coloured. */
                                fireMinFraction?: number;
                                /** @description Seconds a covered/defocused/moved view must last. */
                                tamperAfterS?: number;
                            };
                            shadow: {
                                shadowAlerts: number;
                                trueAlerts: number;
                                falseAlarms: number;
                                irrelevant: number;
                                /** @description true / (true + false); irrelevant labels do not count; null before any verdict. */
                                precision: number | null;
                            };
                            policy: {
                                minLabelled: number;
                                minPrecision: number;
                            };
                            months: {
                                /** Format: date */
                                month: string;
                                shadow: boolean;
                                alerts: number;
                                trueAlerts: number;
                                falseAlarms: number;
                                irrelevant: number;
                                /** @description true / (true + false); irrelevant labels do not count; null before any verdict. */
                                precision: number | null;
                            }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cameras/{id}/rules/{type}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a rule out of shadow, on its precision report (audited with the report) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
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
                            camera: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                                sourceUrl: string;
                                /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                                subStreamUrl?: string;
                                /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                                site?: string;
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
                                    /**
                                     * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                                     * @enum {unknown}
                                     */
                                    kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                                    direction?: {
                                        x: number;
                                        y: number;
                                    };
                                    schedule?: {
                                        /** @description 0 = Sunday … 6 = Saturday. */
                                        days: number[];
                                        start: number;
                                        end: number;
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
                                    /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                                    liftable?: boolean;
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
                                purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                                enabled: boolean;
                                /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                                analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                                masksOnCamera?: boolean;
                                /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                                ruleSettings?: {
                                    abandoned_object?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Seconds an object must stay still and unattended. */
                                            abandonedAfterS?: number;
                                            /** @description A person closer than this attends the object. */
                                            attendedWithinM?: number;
                                        };
                                    };
                                    object_removed?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description An object must have been still this long before its removal is reported. */
                                            removedAfterStaticS?: number;
                                        };
                                    };
                                    people_count?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Seconds between people_count reports. */
                                            countPeriodS?: number;
                                        };
                                    };
                                    crowd_density?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Persons per square metre that raise crowd_density. */
                                            crowdDensityPerM2?: number;
                                        };
                                    };
                                    crowd_movement?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Fewest tracked persons for crowd_movement. */
                                            crowdMinPersons?: number;
                                            /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                            crowdDivergencePerS?: number;
                                        };
                                    };
                                    rapid_movement?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Speed above which a person is running. */
                                            runningSpeedMps?: number;
                                            /** @description Seconds the speed must hold. */
                                            runningMinS?: number;
                                        };
                                    };
                                    person_on_ground?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Box width/height above which a person is lying. */
                                            onGroundAspect?: number;
                                            /** @description Seconds lying and still before person_on_ground. */
                                            onGroundAfterS?: number;
                                        };
                                    };
                                    intrusion?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: Record<string, never>;
                                    };
                                    wrong_way?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Slowest motion judged for wrong_way. */
                                            wrongWayMinSpeedMps?: number;
                                            /** @description Seconds of motion against the allowed direction. */
                                            wrongWayMinS?: number;
                                        };
                                    };
                                    fire_smoke?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Fraction of the frame that must be flickering flame-coloured. */
                                            fireMinFraction?: number;
                                        };
                                    };
                                    camera_tamper?: {
                                        /**
                                         * @description live (default) or shadow.
                                         * @enum {unknown}
                                         */
                                        mode?: "live" | "shadow";
                                        params?: {
                                            /** @description Seconds a covered/defocused/moved view must last. */
                                            tamperAfterS?: number;
                                        };
                                    };
                                };
                                /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                                calibration?: {
                                    image: {
                                        x: number;
                                        y: number;
                                    }[];
                                    ground: {
                                        x: number;
                                        y: number;
                                    }[];
                                } | null;
                                /** @description Incremented on every change. */
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description Prefectoral authorisation, from the legal registry; read-only. */
                                authorisation: {
                                    /** @enum {unknown} */
                                    state: "valid" | "renewal_due" | "expired" | "missing";
                                    /** Format: date-time */
                                    expiresAt: string | null;
                                };
                            };
                            report: {
                                shadowAlerts: number;
                                trueAlerts: number;
                                falseAlarms: number;
                                irrelevant: number;
                                labelled: number;
                                /** @description true / (true + false); irrelevant labels do not count; null before any verdict. */
                                precision: number | null;
                                policy: {
                                    minLabelled: number;
                                    minPrecision: number;
                                };
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
    "/api/cameras/{id}/rules/{type}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay stored recordings (at most 24 h) through the rule with other parameters; raises nothing (audited)
         * @description Runs in the background, one at a time: poll GET /api/replays/{id} for its progress, then its events and their precision against the verdicts already given on the period.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        params?: {
                            /** @description Seconds an object must stay still and unattended. */
                            abandonedAfterS?: number;
                            /** @description A person closer than this attends the object. */
                            attendedWithinM?: number;
                            /** @description An object must have been still this long before its removal is reported. */
                            removedAfterStaticS?: number;
                            /** @description Persons per square metre that raise crowd_density. */
                            crowdDensityPerM2?: number;
                            /** @description Fewest tracked persons for crowd_movement. */
                            crowdMinPersons?: number;
                            /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                            crowdDivergencePerS?: number;
                            /** @description Speed above which a person is running. */
                            runningSpeedMps?: number;
                            /** @description Seconds the speed must hold. */
                            runningMinS?: number;
                            /** @description Box width/height above which a person is lying. */
                            onGroundAspect?: number;
                            /** @description Seconds lying and still before person_on_ground. */
                            onGroundAfterS?: number;
                            /** @description Slowest motion judged for wrong_way. */
                            wrongWayMinSpeedMps?: number;
                            /** @description Seconds of motion against the allowed direction. */
                            wrongWayMinS?: number;
                            /** @description Seconds between people_count reports. */
                            countPeriodS?: number;
                            /** @description Seconds without any sign of a situation (bag, person down, crowd) after which it has ended; a recurrence after that opens a new alert. */
                            situationEndS?: number;
                            /** @description Fraction of the frame that must be flickering flame-coloured. */
                            fireMinFraction?: number;
                            /** @description Seconds a covered/defocused/moved view must last. */
                            tamperAfterS?: number;
                        };
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                            params: {
                                /** @description Seconds an object must stay still and unattended. */
                                abandonedAfterS?: number;
                                /** @description A person closer than this attends the object. */
                                attendedWithinM?: number;
                                /** @description An object must have been still this long before its removal is reported. */
                                removedAfterStaticS?: number;
                                /** @description Persons per square metre that raise crowd_density. */
                                crowdDensityPerM2?: number;
                                /** @description Fewest tracked persons for crowd_movement. */
                                crowdMinPersons?: number;
                                /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                crowdDivergencePerS?: number;
                                /** @description Speed above which a person is running. */
                                runningSpeedMps?: number;
                                /** @description Seconds the speed must hold. */
                                runningMinS?: number;
                                /** @description Box width/height above which a person is lying. */
                                onGroundAspect?: number;
                                /** @description Seconds lying and still before person_on_ground. */
                                onGroundAfterS?: number;
                                /** @description Slowest motion judged for wrong_way. */
                                wrongWayMinSpeedMps?: number;
                                /** @description Seconds of motion against the allowed direction. */
                                wrongWayMinS?: number;
                                /** @description Seconds between people_count reports. */
                                countPeriodS?: number;
                                /** @description Seconds without any sign of a situation (bag, person down, crowd) after which it has ended; a recurrence after that opens a new alert. */
                                situationEndS?: number;
                                /** @description Fraction of the frame that must be flickering flame-coloured. */
                                fireMinFraction?: number;
                                /** @description Seconds a covered/defocused/moved view must last. */
                                tamperAfterS?: number;
                            };
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @enum {unknown} */
                            status: "running" | "done" | "failed" | "cancelled";
                            progress: {
                                segments: number;
                                segmentsDone: number;
                                /** @description Seconds of recordings in the period. */
                                recordedS: number;
                                analysedS: number;
                            };
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            error?: {
                                code: string;
                                message: string;
                            };
                            events: {
                                /** Format: date-time */
                                at: string;
                                /** Format: date-time */
                                endedAt: string;
                                zoneId?: string;
                                facts: {
                                    /** @enum {unknown} */
                                    subject: "person" | "persons" | "object" | "flames" | "view";
                                    /** @description Persons involved, when several. */
                                    count?: number;
                                    zoneId?: string;
                                    region?: {
                                        x: number;
                                        y: number;
                                        w: number;
                                        h: number;
                                    };
                                    /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                    durationS: number;
                                    /** @description Mean detector score of the persons involved. */
                                    confidence?: number;
                                    measure?: {
                                        value: number;
                                        peak: number;
                                        /** @enum {unknown} */
                                        unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                    };
                                    /** @enum {unknown} */
                                    manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                                };
                                /**
                                 * @description The overlapping alert’s label or verdict.
                                 * @enum {unknown}
                                 */
                                verdict?: "true" | "false" | "irrelevant";
                                /**
                                 * Format: uuid
                                 * @description The labelled alert it overlaps.
                                 */
                                alertId?: string;
                            }[];
                            summary?: {
                                events: number;
                                trueEvents: number;
                                falseEvents: number;
                                irrelevant: number;
                                unlabelled: number;
                                /** @description true / (true + false) over the replayed events that overlap a labelled alert; null without any. */
                                precision: number | null;
                                /** @description Alerts labelled true in the period that no replayed event overlaps. */
                                missedTrue: number;
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
    "/api/replays/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A replay: its progress, then the events the rule would have raised and their precision */
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
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                            params: {
                                /** @description Seconds an object must stay still and unattended. */
                                abandonedAfterS?: number;
                                /** @description A person closer than this attends the object. */
                                attendedWithinM?: number;
                                /** @description An object must have been still this long before its removal is reported. */
                                removedAfterStaticS?: number;
                                /** @description Persons per square metre that raise crowd_density. */
                                crowdDensityPerM2?: number;
                                /** @description Fewest tracked persons for crowd_movement. */
                                crowdMinPersons?: number;
                                /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                crowdDivergencePerS?: number;
                                /** @description Speed above which a person is running. */
                                runningSpeedMps?: number;
                                /** @description Seconds the speed must hold. */
                                runningMinS?: number;
                                /** @description Box width/height above which a person is lying. */
                                onGroundAspect?: number;
                                /** @description Seconds lying and still before person_on_ground. */
                                onGroundAfterS?: number;
                                /** @description Slowest motion judged for wrong_way. */
                                wrongWayMinSpeedMps?: number;
                                /** @description Seconds of motion against the allowed direction. */
                                wrongWayMinS?: number;
                                /** @description Seconds between people_count reports. */
                                countPeriodS?: number;
                                /** @description Seconds without any sign of a situation (bag, person down, crowd) after which it has ended; a recurrence after that opens a new alert. */
                                situationEndS?: number;
                                /** @description Fraction of the frame that must be flickering flame-coloured. */
                                fireMinFraction?: number;
                                /** @description Seconds a covered/defocused/moved view must last. */
                                tamperAfterS?: number;
                            };
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @enum {unknown} */
                            status: "running" | "done" | "failed" | "cancelled";
                            progress: {
                                segments: number;
                                segmentsDone: number;
                                /** @description Seconds of recordings in the period. */
                                recordedS: number;
                                analysedS: number;
                            };
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            error?: {
                                code: string;
                                message: string;
                            };
                            events: {
                                /** Format: date-time */
                                at: string;
                                /** Format: date-time */
                                endedAt: string;
                                zoneId?: string;
                                facts: {
                                    /** @enum {unknown} */
                                    subject: "person" | "persons" | "object" | "flames" | "view";
                                    /** @description Persons involved, when several. */
                                    count?: number;
                                    zoneId?: string;
                                    region?: {
                                        x: number;
                                        y: number;
                                        w: number;
                                        h: number;
                                    };
                                    /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                    durationS: number;
                                    /** @description Mean detector score of the persons involved. */
                                    confidence?: number;
                                    measure?: {
                                        value: number;
                                        peak: number;
                                        /** @enum {unknown} */
                                        unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                    };
                                    /** @enum {unknown} */
                                    manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                                };
                                /**
                                 * @description The overlapping alert’s label or verdict.
                                 * @enum {unknown}
                                 */
                                verdict?: "true" | "false" | "irrelevant";
                                /**
                                 * Format: uuid
                                 * @description The labelled alert it overlaps.
                                 */
                                alertId?: string;
                            }[];
                            summary?: {
                                events: number;
                                trueEvents: number;
                                falseEvents: number;
                                irrelevant: number;
                                unlabelled: number;
                                /** @description true / (true + false) over the replayed events that overlap a labelled alert; null without any. */
                                precision: number | null;
                                /** @description Alerts labelled true in the period that no replayed event overlaps. */
                                missedTrue: number;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/replays/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running replay (audited); it then reads as cancelled, with its progress so far */
        post: {
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
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                            params: {
                                /** @description Seconds an object must stay still and unattended. */
                                abandonedAfterS?: number;
                                /** @description A person closer than this attends the object. */
                                attendedWithinM?: number;
                                /** @description An object must have been still this long before its removal is reported. */
                                removedAfterStaticS?: number;
                                /** @description Persons per square metre that raise crowd_density. */
                                crowdDensityPerM2?: number;
                                /** @description Fewest tracked persons for crowd_movement. */
                                crowdMinPersons?: number;
                                /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                                crowdDivergencePerS?: number;
                                /** @description Speed above which a person is running. */
                                runningSpeedMps?: number;
                                /** @description Seconds the speed must hold. */
                                runningMinS?: number;
                                /** @description Box width/height above which a person is lying. */
                                onGroundAspect?: number;
                                /** @description Seconds lying and still before person_on_ground. */
                                onGroundAfterS?: number;
                                /** @description Slowest motion judged for wrong_way. */
                                wrongWayMinSpeedMps?: number;
                                /** @description Seconds of motion against the allowed direction. */
                                wrongWayMinS?: number;
                                /** @description Seconds between people_count reports. */
                                countPeriodS?: number;
                                /** @description Seconds without any sign of a situation (bag, person down, crowd) after which it has ended; a recurrence after that opens a new alert. */
                                situationEndS?: number;
                                /** @description Fraction of the frame that must be flickering flame-coloured. */
                                fireMinFraction?: number;
                                /** @description Seconds a covered/defocused/moved view must last. */
                                tamperAfterS?: number;
                            };
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                            /** @enum {unknown} */
                            status: "running" | "done" | "failed" | "cancelled";
                            progress: {
                                segments: number;
                                segmentsDone: number;
                                /** @description Seconds of recordings in the period. */
                                recordedS: number;
                                analysedS: number;
                            };
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: date-time */
                            finishedAt?: string;
                            error?: {
                                code: string;
                                message: string;
                            };
                            events: {
                                /** Format: date-time */
                                at: string;
                                /** Format: date-time */
                                endedAt: string;
                                zoneId?: string;
                                facts: {
                                    /** @enum {unknown} */
                                    subject: "person" | "persons" | "object" | "flames" | "view";
                                    /** @description Persons involved, when several. */
                                    count?: number;
                                    zoneId?: string;
                                    region?: {
                                        x: number;
                                        y: number;
                                        w: number;
                                        h: number;
                                    };
                                    /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                    durationS: number;
                                    /** @description Mean detector score of the persons involved. */
                                    confidence?: number;
                                    measure?: {
                                        value: number;
                                        peak: number;
                                        /** @enum {unknown} */
                                        unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                    };
                                    /** @enum {unknown} */
                                    manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                                };
                                /**
                                 * @description The overlapping alert’s label or verdict.
                                 * @enum {unknown}
                                 */
                                verdict?: "true" | "false" | "irrelevant";
                                /**
                                 * Format: uuid
                                 * @description The labelled alert it overlaps.
                                 */
                                alertId?: string;
                            }[];
                            summary?: {
                                events: number;
                                trueEvents: number;
                                falseEvents: number;
                                irrelevant: number;
                                unlabelled: number;
                                /** @description true / (true + false) over the replayed events that overlap a labelled alert; null without any. */
                                precision: number | null;
                                /** @description Alerts labelled true in the period that no replayed event overlaps. */
                                missedTrue: number;
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
    "/api/alerts/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review list: alerts of rules running in shadow, newest first (never in the queue) */
        get: {
            parameters: {
                query?: {
                    cameraId?: string;
                    type?: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
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
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                            /** @enum {unknown} */
                            severity: "info" | "low" | "medium" | "high";
                            /** @enum {unknown} */
                            status: "open" | "acknowledged" | "closed";
                            /** @enum {unknown} */
                            qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                            escalated: boolean;
                            /** @description Who said "I am handling it", and when. */
                            claim?: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            };
                            zoneId?: string;
                            message: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation was last seen.
                             */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation ended; absent while it goes on.
                             */
                            endedAt?: string;
                            /** @description Detections merged into this one alert. */
                            occurrences: number;
                            facts?: {
                                /** @enum {unknown} */
                                subject: "person" | "persons" | "object" | "flames" | "view";
                                /** @description Persons involved, when several. */
                                count?: number;
                                zoneId?: string;
                                region?: {
                                    x: number;
                                    y: number;
                                    w: number;
                                    h: number;
                                };
                                /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                durationS: number;
                                /** @description Mean detector score of the persons involved. */
                                confidence?: number;
                                measure?: {
                                    value: number;
                                    peak: number;
                                    /** @enum {unknown} */
                                    unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                };
                                /** @enum {unknown} */
                                manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                            };
                            /**
                             * @description Raised by a rule in shadow: on the review list, never in the queue.
                             * @enum {boolean}
                             */
                            shadow?: true;
                            /** @enum {unknown} */
                            shadowLabel?: "true" | "false" | "irrelevant";
                            /**
                             * Format: uuid
                             * @description The first alert of its group: same camera, zone and type, opened close together.
                             */
                            groupId?: string;
                            clip: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                            hasSnapshot: boolean;
                            notes: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                text: string;
                            }[];
                        }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts/{id}/label": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Label a shadow alert true, false or irrelevant (audited) */
        post: {
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
                        /** @enum {unknown} */
                        label: "true" | "false" | "irrelevant";
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
                            /** Format: uuid */
                            cameraId: string;
                            /** @enum {unknown} */
                            type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                            /** @enum {unknown} */
                            severity: "info" | "low" | "medium" | "high";
                            /** @enum {unknown} */
                            status: "open" | "acknowledged" | "closed";
                            /** @enum {unknown} */
                            qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                            escalated: boolean;
                            /** @description Who said "I am handling it", and when. */
                            claim?: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                            };
                            zoneId?: string;
                            message: string;
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation was last seen.
                             */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description When its situation ended; absent while it goes on.
                             */
                            endedAt?: string;
                            /** @description Detections merged into this one alert. */
                            occurrences: number;
                            facts?: {
                                /** @enum {unknown} */
                                subject: "person" | "persons" | "object" | "flames" | "view";
                                /** @description Persons involved, when several. */
                                count?: number;
                                zoneId?: string;
                                region?: {
                                    x: number;
                                    y: number;
                                    w: number;
                                    h: number;
                                };
                                /** @description How long the situation has lasted, including what the rule waited before raising it. */
                                durationS: number;
                                /** @description Mean detector score of the persons involved. */
                                confidence?: number;
                                measure?: {
                                    value: number;
                                    peak: number;
                                    /** @enum {unknown} */
                                    unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                                };
                                /** @enum {unknown} */
                                manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                            };
                            /**
                             * @description Raised by a rule in shadow: on the review list, never in the queue.
                             * @enum {boolean}
                             */
                            shadow?: true;
                            /** @enum {unknown} */
                            shadowLabel?: "true" | "false" | "irrelevant";
                            /**
                             * Format: uuid
                             * @description The first alert of its group: same camera, zone and type, opened close together.
                             */
                            groupId?: string;
                            clip: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            };
                            /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                            hasSnapshot: boolean;
                            notes: {
                                by: string;
                                /** Format: date-time */
                                at: string;
                                text: string;
                            }[];
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
    "/api/cameras/{id}/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A camera’s legal registry entry: authorisation (with its state), signage, facing */
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
                            cameraId: string;
                            authorisation: {
                                /** @description Number of the prefectoral order (arrêté préfectoral) authorising the camera, e.g. "2024/CAB/0123". */
                                reference: string;
                                /**
                                 * Format: date
                                 * @description Date the order was signed (YYYY-MM-DD).
                                 */
                                issuedOn: string;
                                /**
                                 * Format: date
                                 * @description Last day the order covers (YYYY-MM-DD): at most five years after issuedOn (CSI L252-4).
                                 */
                                expiresOn: string;
                                /**
                                 * Format: date-time
                                 * @description Instant the order stops covering the camera: the end of expiresOn in the legal time zone.
                                 */
                                expiresAt: string;
                                /**
                                 * Format: date-time
                                 * @description From this instant the renewal file is due (four months before expiry).
                                 */
                                renewalDueAt: string;
                                /** @enum {unknown} */
                                state: "valid" | "renewal_due" | "expired" | "missing";
                            };
                            signage: {
                                /**
                                 * @description installed: the sign is up; planned: ordered, not up yet; missing: no sign covers this camera.
                                 * @enum {unknown}
                                 */
                                status: "installed" | "planned" | "missing";
                                /** @description Where the sign stands, what it says, what is missing. */
                                notes?: string;
                                photo: {
                                    /** @enum {unknown} */
                                    contentType: "image/jpeg" | "image/png";
                                    bytes: number;
                                    sha256: string;
                                    /** Format: date-time */
                                    uploadedAt: string;
                                } | null;
                            };
                            /**
                             * @description public: only public space in view; private: the view overlooks private space (dwellings, entrances) in part, which privacy masks must hide.
                             * @enum {unknown}
                             */
                            facing: "public" | "private";
                            /** @description Only with facing "private": where the private space lies in the picture (normalised polygons, each at least 0.05 % of it). Images stay locked until the camera's privacy masks hide all of every region. */
                            privateRegions?: {
                                x: number;
                                y: number;
                            }[][];
                            dpia?: {
                                /** @description Reference of the DPIA document. */
                                reference: string;
                                /** @description The DPO’s opinion on it. */
                                dpoOpinion: string;
                                /** @description The less intrusive means studied (patrols, lighting, no analytics…) and why they do not suffice. */
                                lessIntrusiveAlternatives: string;
                                /** @description The analytics this assessment covers; no other may run on the camera. */
                                coveredAnalytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                /**
                                 * Format: date
                                 * @description Date it must be reviewed by (YYYY-MM-DD); past it, the analytics stop.
                                 */
                                reviewOn: string;
                            };
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
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
        /** Record a camera’s prefectoral authorisation, signage and facing (replaces the entry) */
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
                        authorisation: {
                            /** @description Number of the prefectoral order (arrêté préfectoral) authorising the camera, e.g. "2024/CAB/0123". */
                            reference: string;
                            /**
                             * Format: date
                             * @description Date the order was signed (YYYY-MM-DD).
                             */
                            issuedOn: string;
                            /**
                             * Format: date
                             * @description Last day the order covers (YYYY-MM-DD): at most five years after issuedOn (CSI L252-4).
                             */
                            expiresOn: string;
                        };
                        signage: {
                            /**
                             * @description installed: the sign is up; planned: ordered, not up yet; missing: no sign covers this camera.
                             * @enum {unknown}
                             */
                            status: "installed" | "planned" | "missing";
                            /** @description Where the sign stands, what it says, what is missing. */
                            notes?: string;
                        };
                        /**
                         * @description public: only public space in view; private: the view overlooks private space (dwellings, entrances) in part, which privacy masks must hide.
                         * @enum {unknown}
                         */
                        facing: "public" | "private";
                        /** @description Only with facing "private": where the private space lies in the picture (normalised polygons, each at least 0.05 % of it). Images stay locked until the camera's privacy masks hide all of every region. */
                        privateRegions?: {
                            x: number;
                            y: number;
                        }[][];
                        dpia?: {
                            /** @description Reference of the DPIA document. */
                            reference: string;
                            /** @description The DPO’s opinion on it. */
                            dpoOpinion: string;
                            /** @description The less intrusive means studied (patrols, lighting, no analytics…) and why they do not suffice. */
                            lessIntrusiveAlternatives: string;
                            /** @description The analytics this assessment covers; no other may run on the camera. */
                            coveredAnalytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /**
                             * Format: date
                             * @description Date it must be reviewed by (YYYY-MM-DD); past it, the analytics stop.
                             */
                            reviewOn: string;
                        };
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
                            cameraId: string;
                            authorisation: {
                                /** @description Number of the prefectoral order (arrêté préfectoral) authorising the camera, e.g. "2024/CAB/0123". */
                                reference: string;
                                /**
                                 * Format: date
                                 * @description Date the order was signed (YYYY-MM-DD).
                                 */
                                issuedOn: string;
                                /**
                                 * Format: date
                                 * @description Last day the order covers (YYYY-MM-DD): at most five years after issuedOn (CSI L252-4).
                                 */
                                expiresOn: string;
                                /**
                                 * Format: date-time
                                 * @description Instant the order stops covering the camera: the end of expiresOn in the legal time zone.
                                 */
                                expiresAt: string;
                                /**
                                 * Format: date-time
                                 * @description From this instant the renewal file is due (four months before expiry).
                                 */
                                renewalDueAt: string;
                                /** @enum {unknown} */
                                state: "valid" | "renewal_due" | "expired" | "missing";
                            };
                            signage: {
                                /**
                                 * @description installed: the sign is up; planned: ordered, not up yet; missing: no sign covers this camera.
                                 * @enum {unknown}
                                 */
                                status: "installed" | "planned" | "missing";
                                /** @description Where the sign stands, what it says, what is missing. */
                                notes?: string;
                                photo: {
                                    /** @enum {unknown} */
                                    contentType: "image/jpeg" | "image/png";
                                    bytes: number;
                                    sha256: string;
                                    /** Format: date-time */
                                    uploadedAt: string;
                                } | null;
                            };
                            /**
                             * @description public: only public space in view; private: the view overlooks private space (dwellings, entrances) in part, which privacy masks must hide.
                             * @enum {unknown}
                             */
                            facing: "public" | "private";
                            /** @description Only with facing "private": where the private space lies in the picture (normalised polygons, each at least 0.05 % of it). Images stay locked until the camera's privacy masks hide all of every region. */
                            privateRegions?: {
                                x: number;
                                y: number;
                            }[][];
                            dpia?: {
                                /** @description Reference of the DPIA document. */
                                reference: string;
                                /** @description The DPO’s opinion on it. */
                                dpoOpinion: string;
                                /** @description The less intrusive means studied (patrols, lighting, no analytics…) and why they do not suffice. */
                                lessIntrusiveAlternatives: string;
                                /** @description The analytics this assessment covers; no other may run on the camera. */
                                coveredAnalytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                /**
                                 * Format: date
                                 * @description Date it must be reviewed by (YYYY-MM-DD); past it, the analytics stop.
                                 */
                                reviewOn: string;
                            };
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                            updatedBy: string;
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
    "/api/cameras/{id}/registry/signage-photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo of the camera’s sign (image/jpeg or image/png) */
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
                /** @description The photo, as uploaded. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
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
        /** Upload a photo of the camera’s sign: the raw JPEG or PNG bytes, Content-Type image/jpeg or image/png, at most 4 MiB */
        put: {
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
                            /** @enum {unknown} */
                            contentType: "image/jpeg" | "image/png";
                            bytes: number;
                            sha256: string;
                            /** Format: date-time */
                            uploadedAt: string;
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
    "/api/analysis-authorisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every analysis authorisation, latest first, with its state (scheduled, active, ended) */
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
                            /** @description Reference of the decision, e.g. the number of the prefectoral order. */
                            reference: string;
                            /** @description The text the decision rests on, e.g. "loi 2023-380 art. 10; décret 2023-828". */
                            legalBasis: string;
                            /** @description The event or place it is for, e.g. "Marché de Noël 2026, place d’Armes". */
                            occasion: string;
                            /** @description The service answerable for the processing. */
                            responsibleService: string;
                            cameraIds: string[];
                            /** @description The event types it allows, a subset of those the legal profile allows. */
                            eventTypes: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description The analytics stop by themselves at this instant.
                             */
                            endsAt: string;
                            /** @description What the public is told before it starts (loi 2023-380 art. 10 II). */
                            publicNotice: string;
                            /** @enum {unknown} */
                            state: "scheduled" | "active" | "ended";
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Record the decision under which alert analytics run on some cameras; they start at its start and stop by themselves at its end */
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
                        /** @description Reference of the decision, e.g. the number of the prefectoral order. */
                        reference: string;
                        /** @description The text the decision rests on, e.g. "loi 2023-380 art. 10; décret 2023-828". */
                        legalBasis: string;
                        /** @description The event or place it is for, e.g. "Marché de Noël 2026, place d’Armes". */
                        occasion: string;
                        /** @description The service answerable for the processing. */
                        responsibleService: string;
                        cameraIds: string[];
                        /** @description The event types it allows, a subset of those the legal profile allows. */
                        eventTypes: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                        /** Format: date-time */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description The analytics stop by themselves at this instant.
                         */
                        endsAt: string;
                        /** @description What the public is told before it starts (loi 2023-380 art. 10 II). */
                        publicNotice: string;
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
                            /** @description Reference of the decision, e.g. the number of the prefectoral order. */
                            reference: string;
                            /** @description The text the decision rests on, e.g. "loi 2023-380 art. 10; décret 2023-828". */
                            legalBasis: string;
                            /** @description The event or place it is for, e.g. "Marché de Noël 2026, place d’Armes". */
                            occasion: string;
                            /** @description The service answerable for the processing. */
                            responsibleService: string;
                            cameraIds: string[];
                            /** @description The event types it allows, a subset of those the legal profile allows. */
                            eventTypes: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description The analytics stop by themselves at this instant.
                             */
                            endsAt: string;
                            /** @description What the public is told before it starts (loi 2023-380 art. 10 II). */
                            publicNotice: string;
                            /** @enum {unknown} */
                            state: "scheduled" | "active" | "ended";
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every registered detection model: file hash, provenance, licence, classes, accuracy, attestation */
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
                            name: string;
                            version: string;
                            /** @description The model file’s name, e.g. yolox_nano.onnx. */
                            fileName: string;
                            /** @description SHA-256 of the model file, lower-case hex. */
                            sha256: string;
                            purpose: string;
                            /** @description Who trained it, on what, where it was fetched. */
                            provenance: string;
                            licence: string;
                            /** @description The classes it outputs, e.g. person, backpack. */
                            capabilities: string[];
                            evaluation: {
                                /** @description What it was measured on. */
                                dataset: string;
                                /** @description The command that measures it again. */
                                command: string;
                                /** Format: date */
                                measuredOn: string;
                                /** @description Precision and recall per event type (analytics event types only). */
                                events: {
                                    [key: string]: {
                                        precision: number;
                                        recall: number;
                                    };
                                };
                            };
                            /** @description Reference of the attestation of conformity, where the legal profile asks for one. */
                            attestation?: string;
                            /** Format: date-time */
                            registeredAt: string;
                            registeredBy: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Register a detection model file by its SHA-256 (replaces the registration of the same file) */
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
                        version: string;
                        /** @description The model file’s name, e.g. yolox_nano.onnx. */
                        fileName: string;
                        /** @description SHA-256 of the model file, lower-case hex. */
                        sha256: string;
                        purpose: string;
                        /** @description Who trained it, on what, where it was fetched. */
                        provenance: string;
                        licence: string;
                        /** @description The classes it outputs, e.g. person, backpack. */
                        capabilities: string[];
                        evaluation: {
                            /** @description What it was measured on. */
                            dataset: string;
                            /** @description The command that measures it again. */
                            command: string;
                            /** Format: date */
                            measuredOn: string;
                            /** @description Precision and recall per event type (analytics event types only). */
                            events: {
                                [key: string]: {
                                    precision: number;
                                    recall: number;
                                };
                            };
                        };
                        /** @description Reference of the attestation of conformity, where the legal profile asks for one. */
                        attestation?: string;
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
                            name: string;
                            version: string;
                            /** @description The model file’s name, e.g. yolox_nano.onnx. */
                            fileName: string;
                            /** @description SHA-256 of the model file, lower-case hex. */
                            sha256: string;
                            purpose: string;
                            /** @description Who trained it, on what, where it was fetched. */
                            provenance: string;
                            licence: string;
                            /** @description The classes it outputs, e.g. person, backpack. */
                            capabilities: string[];
                            evaluation: {
                                /** @description What it was measured on. */
                                dataset: string;
                                /** @description The command that measures it again. */
                                command: string;
                                /** Format: date */
                                measuredOn: string;
                                /** @description Precision and recall per event type (analytics event types only). */
                                events: {
                                    [key: string]: {
                                        precision: number;
                                        recall: number;
                                    };
                                };
                            };
                            /** @description Reference of the attestation of conformity, where the legal profile asks for one. */
                            attestation?: string;
                            /** Format: date-time */
                            registeredAt: string;
                            registeredBy: string;
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
            };
        };
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
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens: name, account, creation, expiry and revocation (never the token itself) */
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
                            /** @description What the token is for, e.g. "analysis worker 2". */
                            name: string;
                            /** @description The account the token acts as. */
                            username: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Refused from then on; absent: never.
                             */
                            expiresAt?: string;
                            /**
                             * Format: date-time
                             * @description Refused since then.
                             */
                            revokedAt?: string;
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
    "/api/tokens/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API token: refused from now on (audited); revoking twice changes nothing */
        post: {
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
                            /** @description What the token is for, e.g. "analysis worker 2". */
                            name: string;
                            /** @description The account the token acts as. */
                            username: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description Refused from then on; absent: never.
                             */
                            expiresAt?: string;
                            /**
                             * Format: date-time
                             * @description Refused since then.
                             */
                            revokedAt?: string;
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/habilitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every recorded habilitation: designation act, camera scope, training dates */
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
                        "application/json": ({
                            /** @description Reference of the individual designation act (arrêté, décision) that authorises this person. */
                            designationAct: string;
                            /** Format: date */
                            designatedOn: string;
                            /** Format: date */
                            designationExpiresOn: string;
                            /** @description The cameras the act names, or "all". */
                            cameraScope: "all" | string[];
                            /** Format: date */
                            dataProtectionTrainingOn: string;
                            /** Format: date */
                            dataProtectionTrainingExpiresOn: string;
                            /** Format: date */
                            aiLiteracyTrainingOn?: string;
                            /** Format: date */
                            aiLiteracyTrainingExpiresOn?: string;
                        } & {
                            username: string;
                            recordedBy: string;
                            /** Format: date-time */
                            recordedAt: string;
                        })[];
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
    "/api/users/{username}/habilitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record an account’s designation act, camera scope and training dates (audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    username: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Reference of the individual designation act (arrêté, décision) that authorises this person. */
                        designationAct: string;
                        /** Format: date */
                        designatedOn: string;
                        /** Format: date */
                        designationExpiresOn: string;
                        /** @description The cameras the act names, or "all". */
                        cameraScope: "all" | string[];
                        /** Format: date */
                        dataProtectionTrainingOn: string;
                        /** Format: date */
                        dataProtectionTrainingExpiresOn: string;
                        /** Format: date */
                        aiLiteracyTrainingOn?: string;
                        /** Format: date */
                        aiLiteracyTrainingExpiresOn?: string;
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
                            /** @description Reference of the individual designation act (arrêté, décision) that authorises this person. */
                            designationAct: string;
                            /** Format: date */
                            designatedOn: string;
                            /** Format: date */
                            designationExpiresOn: string;
                            /** @description The cameras the act names, or "all". */
                            cameraScope: "all" | string[];
                            /** Format: date */
                            dataProtectionTrainingOn: string;
                            /** Format: date */
                            dataProtectionTrainingExpiresOn: string;
                            /** Format: date */
                            aiLiteracyTrainingOn?: string;
                            /** Format: date */
                            aiLiteracyTrainingExpiresOn?: string;
                        } & {
                            username: string;
                            recordedBy: string;
                            /** Format: date-time */
                            recordedAt: string;
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
    "/api/workstations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enrolled supervision-room workstations */
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
                            enrolledBy: string;
                            /** Format: date-time */
                            enrolledAt: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Enrol a workstation; its key is returned this once (audited) */
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
                            workstation: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                enrolledBy: string;
                                /** Format: date-time */
                                enrolledAt: string;
                                /** Format: date-time */
                                revokedAt: string | null;
                            };
                            key: string;
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
    "/api/workstations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a workstation: it no longer shows images (audited) */
        post: {
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workstation/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep an enrolled workstation’s key in this browser (HttpOnly cookie) */
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
                        key: string;
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
                            enrolledBy: string;
                            /** Format: date-time */
                            enrolledAt: string;
                            /** Format: date-time */
                            revokedAt: string | null;
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
    "/api/access-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Access requests, oldest deadline first */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                    /** @description true: only unanswered requests past their deadline. */
                    overdue?: "true" | "false";
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
                            /** Format: uuid */
                            id: string;
                            reference: string;
                            /** @enum {unknown} */
                            status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** @description Not answered and past its deadline. */
                            overdue: boolean;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            place?: string;
                            /** Format: uuid */
                            cameraId?: string;
                            contactName: string;
                            /** @description When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)). */
                            extension: {
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            } | null;
                        }[];
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
            };
        };
        put?: never;
        /** Ask for the images of yourself (no login): returns a reference and the date you will be answered by */
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
                        /**
                         * Format: date
                         * @description Day you were filmed (YYYY-MM-DD).
                         */
                        date: string;
                        /** @description Start of the time window, local time of the city (HH:MM). */
                        from: string;
                        /** @description End of the time window, local time of the city (HH:MM), after "from". */
                        to: string;
                        /** @description Where you were: street, square, building. */
                        place?: string;
                        /**
                         * Format: uuid
                         * @description The camera, if you know it (ids are on the transparency page): its footage over your window is kept from deletion while your request is examined.
                         */
                        cameraId?: string;
                        /** @description How to recognise you: clothing, what you carried, what you did; it is used for this search only. */
                        description: string;
                        contact: {
                            name: string;
                            /** Format: email */
                            email: string;
                        };
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
                            reference: string;
                            /** @enum {string} */
                            status: "received";
                            /** Format: date-time */
                            receivedAt: string;
                            /**
                             * Format: date-time
                             * @description Legal deadline for the answer: one month after receipt (GDPR art. 12(3)).
                             */
                            dueAt: string;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
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
                429: {
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
    "/api/access-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One access request with its history and matched footage */
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
                            reference: string;
                            /** @enum {unknown} */
                            status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** @description Not answered and past its deadline. */
                            overdue: boolean;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            place?: string;
                            /** Format: uuid */
                            cameraId?: string;
                            contactName: string;
                            /** @description When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)). */
                            extension: {
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            } | null;
                            description: string;
                            contactEmail: string;
                            rejectionReason?: string;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {unknown} */
                                status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                                actorName: string;
                                note?: string;
                            }[];
                            ranges: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                /** @description While true, the retention purge keeps this footage. */
                                hold: boolean;
                                /** @description The blurred export of this range, once made. */
                                exportId: string | null;
                                /** @description The export awaits a person checking that third parties are blurred. */
                                needsReview: boolean;
                                /** Format: date-time */
                                addedAt: string;
                                addedBy: string;
                            }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/access-requests/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a request along: searching, footage_found, no_footage, export_ready, delivered, rejected */
        post: {
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
                        /** @enum {unknown} */
                        status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                        /** @description Required to reject: sent to the person. */
                        reason?: string;
                        /** @description Internal note for the history. */
                        note?: string;
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
                            reference: string;
                            /** @enum {unknown} */
                            status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** @description Not answered and past its deadline. */
                            overdue: boolean;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            place?: string;
                            /** Format: uuid */
                            cameraId?: string;
                            contactName: string;
                            /** @description When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)). */
                            extension: {
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            } | null;
                            description: string;
                            contactEmail: string;
                            rejectionReason?: string;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {unknown} */
                                status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                                actorName: string;
                                note?: string;
                            }[];
                            ranges: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                /** @description While true, the retention purge keeps this footage. */
                                hold: boolean;
                                /** @description The blurred export of this range, once made. */
                                exportId: string | null;
                                /** @description The export awaits a person checking that third parties are blurred. */
                                needsReview: boolean;
                                /** Format: date-time */
                                addedAt: string;
                                addedBy: string;
                            }[];
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
    "/api/access-requests/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the deadline by the profile’s further months (once); the reason is sent to the requester */
        post: {
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
                        /** @description Why more time is needed (complexity, number of requests): sent to the requester. */
                        reason: string;
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
                            reference: string;
                            /** @enum {unknown} */
                            status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** @description Not answered and past its deadline. */
                            overdue: boolean;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            place?: string;
                            /** Format: uuid */
                            cameraId?: string;
                            contactName: string;
                            /** @description When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)). */
                            extension: {
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            } | null;
                            description: string;
                            contactEmail: string;
                            rejectionReason?: string;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {unknown} */
                                status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                                actorName: string;
                                note?: string;
                            }[];
                            ranges: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                /** @description While true, the retention purge keeps this footage. */
                                hold: boolean;
                                /** @description The blurred export of this range, once made. */
                                exportId: string | null;
                                /** @description The export awaits a person checking that third parties are blurred. */
                                needsReview: boolean;
                                /** Format: date-time */
                                addedAt: string;
                                addedBy: string;
                            }[];
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
    "/api/access-requests/{id}/ranges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach footage found for a request (held from the retention purge by default) */
        post: {
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
                        /** Format: uuid */
                        cameraId: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        /** @description Default true: keep this footage past its retention. */
                        hold?: boolean;
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
                            reference: string;
                            /** @enum {unknown} */
                            status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** @description Not answered and past its deadline. */
                            overdue: boolean;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            place?: string;
                            /** Format: uuid */
                            cameraId?: string;
                            contactName: string;
                            /** @description When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)). */
                            extension: {
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            } | null;
                            description: string;
                            contactEmail: string;
                            rejectionReason?: string;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {unknown} */
                                status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                                actorName: string;
                                note?: string;
                            }[];
                            ranges: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                /** @description While true, the retention purge keeps this footage. */
                                hold: boolean;
                                /** @description The blurred export of this range, once made. */
                                exportId: string | null;
                                /** @description The export awaits a person checking that third parties are blurred. */
                                needsReview: boolean;
                                /** Format: date-time */
                                addedAt: string;
                                addedBy: string;
                            }[];
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
    "/api/access-requests/{id}/ranges/{rangeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Release or restore the hold on matched footage, or mark its export as reviewed */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    rangeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hold?: boolean;
                        /**
                         * @description A person checked the export: third parties are blurred.
                         * @enum {boolean}
                         */
                        reviewed?: true;
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
                            reference: string;
                            /** @enum {unknown} */
                            status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            dueAt: string;
                            /** @description Not answered and past its deadline. */
                            overdue: boolean;
                            window: {
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                            };
                            place?: string;
                            /** Format: uuid */
                            cameraId?: string;
                            contactName: string;
                            /** @description When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)). */
                            extension: {
                                /** Format: date-time */
                                at: string;
                                reason: string;
                            } | null;
                            description: string;
                            contactEmail: string;
                            rejectionReason?: string;
                            history: {
                                /** Format: date-time */
                                at: string;
                                /** @enum {unknown} */
                                status: "received" | "searching" | "footage_found" | "no_footage" | "export_ready" | "delivered" | "rejected";
                                actorName: string;
                                note?: string;
                            }[];
                            ranges: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                /** @description While true, the retention purge keeps this footage. */
                                hold: boolean;
                                /** @description The blurred export of this range, once made. */
                                exportId: string | null;
                                /** @description The export awaits a person checking that third parties are blurred. */
                                needsReview: boolean;
                                /** Format: date-time */
                                addedAt: string;
                                addedBy: string;
                            }[];
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
    "/api/transparency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who runs the cameras, how to reach the DPO, and each camera’s purposes, retention, signage, analytics and authorisation */
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
                            controller: {
                                /** @description The data controller: usually the mayor’s office. */
                                name: string;
                                address: string;
                                /** Format: email */
                                email: string;
                                phone?: string;
                            };
                            dpo: {
                                name?: string;
                                /** Format: email */
                                email: string;
                                address?: string;
                            };
                            /**
                             * Format: uri
                             * @description Where to complain about the processing: the CNIL in France.
                             */
                            complaintUrl: string;
                            /** @description The rules this installation runs under. */
                            legalProfile: {
                                id: string;
                                title: string;
                                /** @description The IANA time zone in which the city states and reads dates and times. */
                                timeZone: string;
                            };
                            /** @description Analysis authorisations not ended yet, each with its public notice (scheduled ones included). */
                            analysisAuthorisations: {
                                reference: string;
                                legalBasis: string;
                                occasion: string;
                                responsibleService: string;
                                /** @description Names of the cameras it covers. */
                                cameras: string[];
                                eventTypes: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                /** @enum {unknown} */
                                state: "scheduled" | "active" | "ended";
                                publicNotice: string;
                            }[];
                            /** @description Months within which an access request is answered. */
                            accessRequestDeadlineMonths: number;
                            /** @description Legal maximum retention of recordings. */
                            maxRetentionDays: number;
                            /** Format: date-time */
                            generatedAt: string;
                            cameras: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                location: {
                                    lat: number;
                                    lon: number;
                                };
                                heading: number;
                                fieldOfView: number;
                                purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                                retentionDays: number;
                                enabled: boolean;
                                /**
                                 * @description missing also when no registry entry exists.
                                 * @enum {unknown}
                                 */
                                signage: "installed" | "planned" | "missing";
                                analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                authorisation: {
                                    /** @enum {unknown} */
                                    state: "valid" | "renewal_due" | "expired" | "missing";
                                    /** @description Number of the prefectoral order. */
                                    reference: string | null;
                                    /** Format: date */
                                    expiresOn: string | null;
                                };
                            }[];
                            statistics?: {
                                cameras: {
                                    cameraId: string;
                                    /** @description YYYY-MM, in the legal profile’s time zone. */
                                    month: string;
                                    liveViews: number;
                                    playbacks: number;
                                    exportsByPurpose: {
                                        [key: string]: number;
                                    };
                                    /** @description Alerts raised. */
                                    alerts: number;
                                    /** @description Operators’ verdicts on alerts, by qualification (true_alert, false_alarm, needs_follow_up). */
                                    alertVerdicts: {
                                        [key: string]: number;
                                    };
                                }[];
                                accessRequests: {
                                    month: string;
                                    answered: number;
                                    answeredWithinDeadline: number;
                                }[];
                            };
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
    "/api/transparency.geojson": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cameras as a GeoJSON FeatureCollection of points */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description GeoJSON (RFC 7946) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/geo+json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                id: string;
                                geometry: {
                                    /** @enum {string} */
                                    type: "Point";
                                    coordinates: number[];
                                };
                                properties: {
                                    name: string;
                                    heading: number;
                                    fieldOfView: number;
                                    purposes: string[];
                                    retentionDays: number;
                                    enabled: boolean;
                                    signage: string;
                                    analytics: string[];
                                    authorisationState: string;
                                    /** @description How this camera’s images were used, month by month. */
                                    statistics?: {
                                        cameraId: string;
                                        /** @description YYYY-MM, in the legal profile’s time zone. */
                                        month: string;
                                        liveViews: number;
                                        playbacks: number;
                                        exportsByPurpose: {
                                            [key: string]: number;
                                        };
                                        /** @description Alerts raised. */
                                        alerts: number;
                                        /** @description Operators’ verdicts on alerts, by qualification (true_alert, false_alarm, needs_follow_up). */
                                        alertVerdicts: {
                                            [key: string]: number;
                                        };
                                    }[];
                                };
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
    "/api/transparency/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail's newest signed checkpoint (entries, head hash, time, Ed25519 signature) and the key that signs it, for anyone to hold the city to */
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
                            algorithm: "Ed25519";
                            keyId: string;
                            publicKeyPem: string;
                            checkpoint: {
                                /** @description Entries in the trail when signed (the head's seq). */
                                entries: number;
                                /** @description SHA-256 of entry `entries` (64 zeros for an empty trail). */
                                headHash: string;
                                /** Format: date-time */
                                at: string;
                                /** @description Fingerprint of the signing key. */
                                keyId: string;
                                /** @description Ed25519 signature of the checkpoint text, base64. */
                                signature: string;
                            } | null;
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
    "/api/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every legal hold, active, released or expired, newest first */
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
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            exportId: string | null;
                            requisition: string;
                            reason: string;
                            placedBy: string;
                            /** Format: date-time */
                            placedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            releasedAt: string | null;
                            releasedBy: string | null;
                            releaseReason: string | null;
                            /** @enum {unknown} */
                            state: "active" | "released" | "expired";
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Keep footage past retention for a judicial requisition, until an expiry (audited) */
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
                        /** Format: uuid */
                        cameraId: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        /** @description Reference of the judicial requisition (procès-verbal, réquisition n°): a hold needs one. */
                        requisition: string;
                        reason: string;
                        /** Format: date-time */
                        expiresAt: string;
                    } | {
                        /** Format: uuid */
                        exportId: string;
                        /** @description Reference of the judicial requisition (procès-verbal, réquisition n°): a hold needs one. */
                        requisition: string;
                        reason: string;
                        /** Format: date-time */
                        expiresAt: string;
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
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            exportId: string | null;
                            requisition: string;
                            reason: string;
                            placedBy: string;
                            /** Format: date-time */
                            placedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            releasedAt: string | null;
                            releasedBy: string | null;
                            releaseReason: string | null;
                            /** @enum {unknown} */
                            state: "active" | "released" | "expired";
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
    "/api/holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a hold, with a reason (audited); the footage then follows retention again */
        post: {
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
                        reason: string;
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
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            exportId: string | null;
                            requisition: string;
                            reason: string;
                            placedBy: string;
                            /** Format: date-time */
                            placedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            releasedAt: string | null;
                            releasedBy: string | null;
                            releaseReason: string | null;
                            /** @enum {unknown} */
                            state: "active" | "released" | "expired";
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
    "/api/unmask-lifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lifts, newest first: every one for those who approve, one’s own for everyone else */
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
                            /** Format: uuid */
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            reason: string;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            decidedBy: string | null;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionNote: string | null;
                            /** @enum {unknown} */
                            state: "requested" | "approved" | "refused" | "expired";
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Ask to see behind a camera’s liftable masks over a past range, with a reason and an expiry ≤ 72 h */
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
                        /** Format: uuid */
                        cameraId: string;
                        /** Format: date-time */
                        start: string;
                        /** Format: date-time */
                        end: string;
                        /** @description Why the masked area must be seen. */
                        reason: string;
                        /** Format: date-time */
                        expiresAt: string;
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
                            /** Format: uuid */
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            reason: string;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            decidedBy: string | null;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionNote: string | null;
                            /** @enum {unknown} */
                            state: "requested" | "approved" | "refused" | "expired";
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
    "/api/unmask-lifts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a lift asked by someone else, with a note (audited) */
        post: {
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
                        /** @description Why this decision. */
                        note: string;
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
                            /** Format: uuid */
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            reason: string;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            decidedBy: string | null;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionNote: string | null;
                            /** @enum {unknown} */
                            state: "requested" | "approved" | "refused" | "expired";
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
    "/api/unmask-lifts/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a lift asked by someone else, with a note (audited) */
        post: {
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
                        /** @description Why this decision. */
                        note: string;
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
                            /** Format: uuid */
                            cameraId: string;
                            /** Format: date-time */
                            start: string;
                            /** Format: date-time */
                            end: string;
                            reason: string;
                            requestedBy: string;
                            /** Format: date-time */
                            requestedAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            decidedBy: string | null;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionNote: string | null;
                            /** @enum {unknown} */
                            state: "requested" | "approved" | "refused" | "expired";
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
    "/api/unmask-lifts/{id}/video.mp4": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unmasked range of an approved lift, for its requester only, watermarked with their name */
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
                    content?: never;
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
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents on the cameras the caller may see, most recently active first */
        get: {
            parameters: {
                query?: {
                    state?: "new" | "in_progress" | "resolved" | "closed";
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
                            /** Format: uuid */
                            id: string;
                            typeId: string;
                            title: string;
                            /** @enum {unknown} */
                            state: "new" | "in_progress" | "resolved" | "closed";
                            owner: string | null;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            cameraIds: string[];
                            alertIds: string[];
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            lastAlertAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            doneSteps: {
                                stepId: string;
                                by: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            links: ({
                                /** @enum {string} */
                                kind: "clip";
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            } | {
                                /** @enum {string} */
                                kind: "export";
                                /** Format: uuid */
                                exportId: string;
                            })[];
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                /** @enum {unknown} */
                                kind: "opened" | "alert_added" | "state_changed" | "owner_changed" | "type_changed" | "step_done" | "step_skipped" | "note" | "linked";
                                text: string;
                            }[];
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
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One incident */
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
                            typeId: string;
                            title: string;
                            /** @enum {unknown} */
                            state: "new" | "in_progress" | "resolved" | "closed";
                            owner: string | null;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            cameraIds: string[];
                            alertIds: string[];
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            lastAlertAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            doneSteps: {
                                stepId: string;
                                by: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            links: ({
                                /** @enum {string} */
                                kind: "clip";
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            } | {
                                /** @enum {string} */
                                kind: "export";
                                /** Format: uuid */
                                exportId: string;
                            })[];
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                /** @enum {unknown} */
                                kind: "opened" | "alert_added" | "state_changed" | "owner_changed" | "type_changed" | "step_done" | "step_skipped" | "note" | "linked";
                                text: string;
                            }[];
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
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take up, assign, tick a step, note, link a clip or export, resolve, reopen or close (audited) */
        post: {
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
                        /** @enum {string} */
                        action: "start";
                    } | {
                        /** @enum {string} */
                        action: "assign";
                        owner: string;
                    } | {
                        /** @enum {string} */
                        action: "retype";
                        typeId: string;
                    } | {
                        /** @enum {string} */
                        action: "step";
                        stepId: string;
                    } | {
                        /** @enum {string} */
                        action: "note";
                        note: string;
                    } | {
                        /** @enum {string} */
                        action: "link";
                        link: {
                            /** @enum {string} */
                            kind: "clip";
                            /** Format: uuid */
                            cameraId: string;
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        } | {
                            /** @enum {string} */
                            kind: "export";
                            /** Format: uuid */
                            exportId: string;
                        };
                    } | {
                        /** @enum {string} */
                        action: "resolve";
                        summary: string;
                    } | {
                        /** @enum {string} */
                        action: "reopen";
                        reason: string;
                    } | {
                        /** @enum {string} */
                        action: "close";
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
                            typeId: string;
                            title: string;
                            /** @enum {unknown} */
                            state: "new" | "in_progress" | "resolved" | "closed";
                            owner: string | null;
                            location: {
                                lat: number;
                                lon: number;
                            };
                            cameraIds: string[];
                            alertIds: string[];
                            /** Format: date-time */
                            openedAt: string;
                            /** Format: date-time */
                            lastAlertAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            doneSteps: {
                                stepId: string;
                                by: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            links: ({
                                /** @enum {string} */
                                kind: "clip";
                                /** Format: uuid */
                                cameraId: string;
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            } | {
                                /** @enum {string} */
                                kind: "export";
                                /** Format: uuid */
                                exportId: string;
                            })[];
                            timeline: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                /** @enum {unknown} */
                                kind: "opened" | "alert_added" | "state_changed" | "owner_changed" | "type_changed" | "step_done" | "step_skipped" | "note" | "linked";
                                text: string;
                            }[];
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
    "/api/incidents/{id}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident report, printable (French): procedure, alerts, evidence, timeline */
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
                /** @description A printable page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
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
    "/api/incident-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incident types and their checklists (standard operating procedures) */
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
                            id: string;
                            name: string;
                            steps: {
                                id: string;
                                label: string;
                                required: boolean;
                            }[];
                            updatedBy: string;
                            /** Format: date-time */
                            updatedAt: string;
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
    "/api/incident-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or rewrite an incident type and its checklist (supervisors; audited) */
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
                        name: string;
                        steps: {
                            id: string;
                            label: string;
                            required: boolean;
                        }[];
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
                            id: string;
                            name: string;
                            steps: {
                                id: string;
                                label: string;
                                required: boolean;
                            }[];
                            updatedBy: string;
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
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/compliance/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each requirement of the active legal profile: pass, fail (with what to do) or manual */
        get: {
            parameters: {
                query?: {
                    /** @description Language of titles, findings and actions: French (default) or English. */
                    lang?: "fr" | "en";
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
                            /** Format: date-time */
                            generatedAt: string;
                            profile: string;
                            summary: {
                                pass: number;
                                fail: number;
                                manual: number;
                            };
                            checks: {
                                /** @description The requirement, as numbered in docs/legal-requirements.md (R1–R29). */
                                requirement: string;
                                title: string;
                                /** @enum {unknown} */
                                status: "pass" | "fail" | "manual";
                                /** @description What was found wrong (empty when it passes). */
                                findings: string[];
                                /** @description What to do: how to fix a failure, or how Vigie meets the requirement. */
                                action: string;
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
    "/api/compliance/record-of-processing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Record of processing activities (GDPR art. 30(1)), generated from the configuration */
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
                            /** Format: date-time */
                            generatedAt: string;
                            processing: string;
                            controller: {
                                /** @description The data controller: usually the mayor’s office. */
                                name: string;
                                address: string;
                                /** Format: email */
                                email: string;
                                phone?: string;
                            };
                            dpo: {
                                name?: string;
                                /** Format: email */
                                email: string;
                                address?: string;
                            };
                            /**
                             * Format: uri
                             * @description Where to complain about the processing: the CNIL in France.
                             */
                            complaintUrl: string;
                            legalBasis: string;
                            purposes: {
                                /** @enum {unknown} */
                                purpose: "public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response";
                                cameras: number;
                            }[];
                            dataSubjects: string[];
                            dataCategories: string[];
                            excludedData: string[];
                            analytics: {
                                /** @enum {unknown} */
                                type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                                cameras: number;
                                basis: string;
                            }[];
                            /** @description Per camera, rule and month: alerts and operators’ verdicts (supervisors’ labels in shadow), and the precision they give (loi 2023-380 art. 10 V; AI Act art. 15; LEGAL R24). */
                            analyticsEvaluation: {
                                camera: string;
                                /** @enum {unknown} */
                                type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                                /** Format: date */
                                month: string;
                                /** @enum {unknown} */
                                mode: "live" | "shadow";
                                alerts: number;
                                trueAlerts: number;
                                falseAlarms: number;
                                precision: number | null;
                            }[];
                            recipients: string[];
                            /** @enum {string} */
                            transfersOutsideEu: "none";
                            retention: {
                                legalMaxDays: number;
                                source: string;
                                cameras: {
                                    name: string;
                                    retentionDays: number;
                                }[];
                                other: string[];
                            };
                            securityMeasures: string[];
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
    "/api/compliance/record-of-processing.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Record of processing, printable (French) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A printable page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
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
    "/api/compliance/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per camera: retention against the legal maximum, authorisation state, signage; issues found */
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
                            /** Format: date-time */
                            generatedAt: string;
                            legalMaxRetentionDays: number;
                            retentionSource: string;
                            summary: {
                                cameras: number;
                                compliant: number;
                                nonCompliant: number;
                            };
                            cameras: {
                                /** Format: uuid */
                                cameraId: string;
                                name: string;
                                enabled: boolean;
                                retentionDays: number;
                                legalMaxRetentionDays: number;
                                authorisation: {
                                    /** @enum {unknown} */
                                    state: "valid" | "renewal_due" | "expired" | "missing";
                                    reference: string | null;
                                    /** Format: date */
                                    expiresOn: string | null;
                                };
                                /** @enum {unknown} */
                                signage: "installed" | "planned" | "missing";
                                signagePhoto: boolean;
                                facing: ("public" | "private") | (never | null);
                                masks: number;
                                analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                                /**
                                 * Format: date-time
                                 * @description Start of the oldest recording still stored (null: none). Filled in once the segment index exists; absent until then.
                                 */
                                oldestRecordingStoredAt?: string | null;
                                /**
                                 * Format: date-time
                                 * @description Start of the oldest recording no legal hold or access request keeps (null: none); what "kept too long" is judged on.
                                 */
                                oldestUnheldRecordingStoredAt?: string | null;
                                issues: {
                                    /** @enum {unknown} */
                                    code: "authorisation_missing" | "authorisation_expired" | "authorisation_renewal_due" | "signage_missing" | "signage_planned" | "signage_photo_missing" | "retention_above_legal_maximum" | "recordings_past_retention" | "private_space_unmasked" | "analytic_not_justified";
                                    /** @enum {unknown} */
                                    severity: "blocking" | "warning";
                                    message: string;
                                    /** @description The rule, as cited in LEGAL.md. */
                                    source: string;
                                    /**
                                     * @description The analytic concerned (analytic_not_justified).
                                     * @enum {unknown}
                                     */
                                    analytic?: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper";
                                }[];
                                /** @description No blocking issue. */
                                compliant: boolean;
                            }[];
                            legalHolds?: {
                                /** Format: uuid */
                                id: string;
                                cameraId: string;
                                /** Format: date-time */
                                start: string;
                                /** Format: date-time */
                                end: string;
                                exportId: string | null;
                                requisition: string;
                                reason: string;
                                placedBy: string;
                                /** Format: date-time */
                                placedAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                releasedAt: string | null;
                                releasedBy: string | null;
                                releaseReason: string | null;
                                /** @enum {unknown} */
                                state: "active" | "released" | "expired";
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
    "/api/compliance/retention.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retention compliance, printable (French) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A printable page. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A message of the /api/events WebSocket, filtered by the caller’s role and cameras. */
        PushEvent: {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "camera.created";
            camera: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                sourceUrl: string;
                /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                subStreamUrl?: string;
                /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                site?: string;
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
                    /**
                     * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                     * @enum {unknown}
                     */
                    kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                    direction?: {
                        x: number;
                        y: number;
                    };
                    schedule?: {
                        /** @description 0 = Sunday … 6 = Saturday. */
                        days: number[];
                        start: number;
                        end: number;
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
                    /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                    liftable?: boolean;
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
                purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                enabled: boolean;
                /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                masksOnCamera?: boolean;
                /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                ruleSettings?: {
                    abandoned_object?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Seconds an object must stay still and unattended. */
                            abandonedAfterS?: number;
                            /** @description A person closer than this attends the object. */
                            attendedWithinM?: number;
                        };
                    };
                    object_removed?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description An object must have been still this long before its removal is reported. */
                            removedAfterStaticS?: number;
                        };
                    };
                    people_count?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Seconds between people_count reports. */
                            countPeriodS?: number;
                        };
                    };
                    crowd_density?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Persons per square metre that raise crowd_density. */
                            crowdDensityPerM2?: number;
                        };
                    };
                    crowd_movement?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Fewest tracked persons for crowd_movement. */
                            crowdMinPersons?: number;
                            /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                            crowdDivergencePerS?: number;
                        };
                    };
                    rapid_movement?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Speed above which a person is running. */
                            runningSpeedMps?: number;
                            /** @description Seconds the speed must hold. */
                            runningMinS?: number;
                        };
                    };
                    person_on_ground?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Box width/height above which a person is lying. */
                            onGroundAspect?: number;
                            /** @description Seconds lying and still before person_on_ground. */
                            onGroundAfterS?: number;
                        };
                    };
                    intrusion?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: Record<string, never>;
                    };
                    wrong_way?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Slowest motion judged for wrong_way. */
                            wrongWayMinSpeedMps?: number;
                            /** @description Seconds of motion against the allowed direction. */
                            wrongWayMinS?: number;
                        };
                    };
                    fire_smoke?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Fraction of the frame that must be flickering flame-coloured. */
                            fireMinFraction?: number;
                        };
                    };
                    camera_tamper?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Seconds a covered/defocused/moved view must last. */
                            tamperAfterS?: number;
                        };
                    };
                };
                /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                calibration?: {
                    image: {
                        x: number;
                        y: number;
                    }[];
                    ground: {
                        x: number;
                        y: number;
                    }[];
                } | null;
                /** @description Incremented on every change. */
                version: number;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                /** @description Prefectoral authorisation, from the legal registry; read-only. */
                authorisation: {
                    /** @enum {unknown} */
                    state: "valid" | "renewal_due" | "expired" | "missing";
                    /** Format: date-time */
                    expiresAt: string | null;
                };
            };
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "camera.updated";
            camera: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description rtsp://, rtsps://, http(s):// (MJPEG, HLS) URL of the stream; file:// only where allowed (the demo). Loopback, link-local and metadata addresses are refused unless the configuration allows their network. */
                sourceUrl: string;
                /** @description Optional smaller stream of the same camera (ONVIF sub profile): analysis and small live tiles use it; the main stream (sourceUrl) is recorded. */
                subStreamUrl?: string;
                /** @description Site or group the camera belongs to (station, town hall…): the wall’s camera tree groups by it. */
                site?: string;
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
                    /**
                     * @description What analytics watch here: forbidden (intrusion), count, density, one_way (wrong way), object_watch.
                     * @enum {unknown}
                     */
                    kind?: "forbidden" | "count" | "density" | "one_way" | "object_watch";
                    direction?: {
                        x: number;
                        y: number;
                    };
                    schedule?: {
                        /** @description 0 = Sunday … 6 = Saturday. */
                        days: number[];
                        start: number;
                        end: number;
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
                    /** @description May be lifted for a past range by two people (request, then approval by another with the right role); permanent when absent. */
                    liftable?: boolean;
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
                purposes: ("public_buildings_protection" | "national_defence_installations" | "traffic_regulation" | "traffic_offences" | "public_space_safety" | "terrorism_prevention" | "natural_technological_risks" | "rescue_fire_defence" | "amusement_park_safety" | "vehicle_insurance_check" | "illegal_dumping" | "premises_property_protection" | "premises_visitor_safety" | "premises_emergency_response")[];
                enabled: boolean;
                /** @description Analytics switched on; none by default. Each must be justified by one of the camera’s purposes (see analyticJustifications); anonymous people_count needs none. */
                analytics: ("abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper")[];
                /** @description The camera applies the privacy masks itself (ONVIF Media2): Vigie checks at start and every few seconds that its masks cover every one of Vigie’s and then records by stream copy; otherwise (not covered, not offered, no answer, liftable or per-preset masks) Vigie burns the masks in itself and warns. */
                masksOnCamera?: boolean;
                /** @description Per rule: mode (live, or shadow: alerts only on the review list until promoted) and calibration (the rule’s own thresholds). */
                ruleSettings?: {
                    abandoned_object?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Seconds an object must stay still and unattended. */
                            abandonedAfterS?: number;
                            /** @description A person closer than this attends the object. */
                            attendedWithinM?: number;
                        };
                    };
                    object_removed?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description An object must have been still this long before its removal is reported. */
                            removedAfterStaticS?: number;
                        };
                    };
                    people_count?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Seconds between people_count reports. */
                            countPeriodS?: number;
                        };
                    };
                    crowd_density?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Persons per square metre that raise crowd_density. */
                            crowdDensityPerM2?: number;
                        };
                    };
                    crowd_movement?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Fewest tracked persons for crowd_movement. */
                            crowdMinPersons?: number;
                            /** @description |mean radial speed| / mean distance to centroid (1/s) for crowd_movement. */
                            crowdDivergencePerS?: number;
                        };
                    };
                    rapid_movement?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Speed above which a person is running. */
                            runningSpeedMps?: number;
                            /** @description Seconds the speed must hold. */
                            runningMinS?: number;
                        };
                    };
                    person_on_ground?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Box width/height above which a person is lying. */
                            onGroundAspect?: number;
                            /** @description Seconds lying and still before person_on_ground. */
                            onGroundAfterS?: number;
                        };
                    };
                    intrusion?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: Record<string, never>;
                    };
                    wrong_way?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Slowest motion judged for wrong_way. */
                            wrongWayMinSpeedMps?: number;
                            /** @description Seconds of motion against the allowed direction. */
                            wrongWayMinS?: number;
                        };
                    };
                    fire_smoke?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Fraction of the frame that must be flickering flame-coloured. */
                            fireMinFraction?: number;
                        };
                    };
                    camera_tamper?: {
                        /**
                         * @description live (default) or shadow.
                         * @enum {unknown}
                         */
                        mode?: "live" | "shadow";
                        params?: {
                            /** @description Seconds a covered/defocused/moved view must last. */
                            tamperAfterS?: number;
                        };
                    };
                };
                /** @description Ground calibration: four image points (normalised) and where each lies on the ground in metres (e.g. the corners of a marked rectangle of known size). Needed by the rules whose measure is in metres (rapid_movement, crowd_density); null removes it. */
                calibration?: {
                    image: {
                        x: number;
                        y: number;
                    }[];
                    ground: {
                        x: number;
                        y: number;
                    }[];
                } | null;
                /** @description Incremented on every change. */
                version: number;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                updatedAt: string;
                /** @description Prefectoral authorisation, from the legal registry; read-only. */
                authorisation: {
                    /** @enum {unknown} */
                    state: "valid" | "renewal_due" | "expired" | "missing";
                    /** Format: date-time */
                    expiresAt: string | null;
                };
            };
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "camera.deleted";
            cameraId: string;
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "camera.status";
            /** Format: uuid */
            cameraId: string;
            /** @enum {unknown} */
            state: "starting" | "online" | "degraded" | "offline" | "error" | "disabled";
            reason?: string;
            /** Format: date-time */
            since: string;
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "alert.opened";
            alert: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                cameraId: string;
                /** @enum {unknown} */
                type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                /** @enum {unknown} */
                severity: "info" | "low" | "medium" | "high";
                /** @enum {unknown} */
                status: "open" | "acknowledged" | "closed";
                /** @enum {unknown} */
                qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                escalated: boolean;
                /** @description Who said "I am handling it", and when. */
                claim?: {
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                zoneId?: string;
                message: string;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: date-time
                 * @description When its situation was last seen.
                 */
                lastSeenAt: string;
                /**
                 * Format: date-time
                 * @description When its situation ended; absent while it goes on.
                 */
                endedAt?: string;
                /** @description Detections merged into this one alert. */
                occurrences: number;
                facts?: {
                    /** @enum {unknown} */
                    subject: "person" | "persons" | "object" | "flames" | "view";
                    /** @description Persons involved, when several. */
                    count?: number;
                    zoneId?: string;
                    region?: {
                        x: number;
                        y: number;
                        w: number;
                        h: number;
                    };
                    /** @description How long the situation has lasted, including what the rule waited before raising it. */
                    durationS: number;
                    /** @description Mean detector score of the persons involved. */
                    confidence?: number;
                    measure?: {
                        value: number;
                        peak: number;
                        /** @enum {unknown} */
                        unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                    };
                    /** @enum {unknown} */
                    manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                };
                /**
                 * @description Raised by a rule in shadow: on the review list, never in the queue.
                 * @enum {boolean}
                 */
                shadow?: true;
                /** @enum {unknown} */
                shadowLabel?: "true" | "false" | "irrelevant";
                /**
                 * Format: uuid
                 * @description The first alert of its group: same camera, zone and type, opened close together.
                 */
                groupId?: string;
                clip: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                };
                /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                hasSnapshot: boolean;
                notes: {
                    by: string;
                    /** Format: date-time */
                    at: string;
                    text: string;
                }[];
            };
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "alert.updated";
            alert: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                cameraId: string;
                /** @enum {unknown} */
                type: "abandoned_object" | "object_removed" | "people_count" | "crowd_density" | "crowd_movement" | "rapid_movement" | "person_on_ground" | "intrusion" | "wrong_way" | "fire_smoke" | "camera_tamper" | "camera_offline" | "camera_degraded" | "storage_low";
                /** @enum {unknown} */
                severity: "info" | "low" | "medium" | "high";
                /** @enum {unknown} */
                status: "open" | "acknowledged" | "closed";
                /** @enum {unknown} */
                qualification?: "true_alert" | "false_alarm" | "needs_follow_up";
                escalated: boolean;
                /** @description Who said "I am handling it", and when. */
                claim?: {
                    by: string;
                    /** Format: date-time */
                    at: string;
                };
                zoneId?: string;
                message: string;
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                updatedAt: string;
                /**
                 * Format: date-time
                 * @description When its situation was last seen.
                 */
                lastSeenAt: string;
                /**
                 * Format: date-time
                 * @description When its situation ended; absent while it goes on.
                 */
                endedAt?: string;
                /** @description Detections merged into this one alert. */
                occurrences: number;
                facts?: {
                    /** @enum {unknown} */
                    subject: "person" | "persons" | "object" | "flames" | "view";
                    /** @description Persons involved, when several. */
                    count?: number;
                    zoneId?: string;
                    region?: {
                        x: number;
                        y: number;
                        w: number;
                        h: number;
                    };
                    /** @description How long the situation has lasted, including what the rule waited before raising it. */
                    durationS: number;
                    /** @description Mean detector score of the persons involved. */
                    confidence?: number;
                    measure?: {
                        value: number;
                        peak: number;
                        /** @enum {unknown} */
                        unit: "persons_per_m2" | "m_per_s" | "per_s" | "fraction_of_view";
                    };
                    /** @enum {unknown} */
                    manner?: "covered" | "defocused" | "moved" | "converging" | "dispersing";
                };
                /**
                 * @description Raised by a rule in shadow: on the review list, never in the queue.
                 * @enum {boolean}
                 */
                shadow?: true;
                /** @enum {unknown} */
                shadowLabel?: "true" | "false" | "irrelevant";
                /**
                 * Format: uuid
                 * @description The first alert of its group: same camera, zone and type, opened close together.
                 */
                groupId?: string;
                clip: {
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                };
                /** @description GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn. */
                hasSnapshot: boolean;
                notes: {
                    by: string;
                    /** Format: date-time */
                    at: string;
                    text: string;
                }[];
            };
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "incident.updated";
            incident: {
                /** Format: uuid */
                id: string;
                typeId: string;
                title: string;
                /** @enum {unknown} */
                state: "new" | "in_progress" | "resolved" | "closed";
                owner: string | null;
                location: {
                    lat: number;
                    lon: number;
                };
                cameraIds: string[];
                alertIds: string[];
                /** Format: date-time */
                openedAt: string;
                /** Format: date-time */
                lastAlertAt: string;
                /** Format: date-time */
                updatedAt: string;
                doneSteps: {
                    stepId: string;
                    by: string;
                    /** Format: date-time */
                    at: string;
                }[];
                links: ({
                    /** @enum {string} */
                    kind: "clip";
                    /** Format: uuid */
                    cameraId: string;
                    /** Format: date-time */
                    from: string;
                    /** Format: date-time */
                    to: string;
                } | {
                    /** @enum {string} */
                    kind: "export";
                    /** Format: uuid */
                    exportId: string;
                })[];
                timeline: {
                    /** Format: date-time */
                    at: string;
                    by: string;
                    /** @enum {unknown} */
                    kind: "opened" | "alert_added" | "state_changed" | "owner_changed" | "type_changed" | "step_done" | "step_skipped" | "note" | "linked";
                    text: string;
                }[];
            };
        } | {
            /** @enum {number} */
            v: 1;
            /** @enum {string} */
            type: "incident.step_skipped";
            incidentId: string;
            title: string;
            cameraId: string;
            resolvedBy: string;
            steps: {
                id: string;
                label: string;
                required: boolean;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
